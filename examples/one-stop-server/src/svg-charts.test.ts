import { describe, expect, it } from 'vitest';
import { barChart, lineChart } from './svg-charts.js';

describe('svg charts', () => {
  it('draws bars to scale, a track for N/A, and escapes every label', () => {
    const svg = barChart({
      title: 'Điểm <nhóm>',
      max: 20,
      labelWidth: 200,
      width: 526, // bars 200 px long: 526 − 200 − 110 − 16
      bars: [
        { label: '<b>x</b>', value: 10, text: '10 / 20', max: 20 },
        { label: 'N/A', value: null, text: 'N/A', max: 20 },
      ],
    }).text;
    expect(svg).toContain('<title>Điểm &lt;nhóm&gt;</title>');
    expect(svg).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg).toMatch(/width="100" height="18" rx="3" fill="#0b3d91"/); // 10 of 20 on 200 px
    expect(svg.match(/fill="#0b3d91"/g)).toHaveLength(1); // the N/A bar has its track only
    expect(svg).not.toMatch(/style|<script/);
  });

  it('breaks the line at N/A points and keeps values on the axis', () => {
    const svg = lineChart({
      title: 't',
      max: 100,
      unit: '%',
      points: [
        { label: '01', value: 50, text: '50 %' },
        { label: '02', value: null, text: 'N/A' },
        { label: '03', value: 80, text: '80 %' },
        { label: '04', value: 120, text: '120 %' },
      ],
    }).text;
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(3);
    // 120 is drawn at the top of the plot (y = 24), not above it.
    expect(svg).toMatch(/cy="24"/);
  });
});
