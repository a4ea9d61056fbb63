import { describe, expect, it } from 'vitest';
import { SmsError } from '../errors.js';
import { parseTemplate } from './parse-template.js';

describe('parseTemplate', () => {
  it('splits text and variables, each variable listed once', () => {
    expect(parseTemplate('Hồ sơ {dossierCode}: {dossierCode} {returnDate}', 'receipt')).toEqual({
      parts: [
        { kind: 'text', text: 'Hồ sơ ' },
        { kind: 'variable', name: 'dossierCode' },
        { kind: 'text', text: ': ' },
        { kind: 'variable', name: 'dossierCode' },
        { kind: 'text', text: ' ' },
        { kind: 'variable', name: 'returnDate' },
      ],
      variables: ['dossierCode', 'returnDate'],
    });
  });

  it('reads {{ and }} as literal braces', () => {
    expect(parseTemplate('{{QC}} {agency}', 'x')).toEqual({
      parts: [
        { kind: 'text', text: '{QC} ' },
        { kind: 'variable', name: 'agency' },
      ],
      variables: ['agency'],
    });
  });

  it.each([
    ['Hồ sơ {dossier code}', 7],
    ['Hồ sơ {', 7],
    ['Hồ sơ {}', 7],
    ['Hồ sơ {1x}', 7],
    ['Hồ sơ }', 7],
  ])('rejects %s with the template name and position', (text, position) => {
    const run = () => parseTemplate(text, '1.001193/receipt', 'procedures.1.001193.receipt');
    expect(run).toThrow(SmsError);
    expect(run).toThrow(`template '1.001193/receipt'`);
    expect(run).toThrow(`at position ${position}`);
  });
});
