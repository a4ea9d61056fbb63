import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memory-store.js';
import { sampleActors, sampleEngine, sampleReceipt } from '../testing/fixtures.js';

const { desk, police, leader } = sampleActors;

describe('the journal keeps no personal data', () => {
  it('masks a result signer’s name and a collector’s name (the dossier keeps them whole)', async () => {
    const { engine } = sampleEngine(new MemoryStore());
    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: desk,
      ...sampleReceipt,
    });
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    await engine.send(d.code, { type: 'HAND_OVER', actor: police });
    await engine.send(d.code, {
      type: 'ISSUE_RESULT',
      actor: leader,
      documents: [
        {
          title: 'Xác nhận đăng ký thường trú',
          number: '125',
          signer: { name: 'Đỗ Minh Khoa', title: 'Trưởng Công an xã' },
          issuingBody: 'Công an xã',
          issuedOn: '2026-03-02',
          validUntil: null,
        },
      ],
    });
    await engine.send(d.code, { type: 'HAND_OVER', actor: leader });
    await engine.send(d.code, { type: 'HAND_OVER', actor: police });
    await engine.send(d.code, {
      type: 'RETURN_RESULT',
      actor: desk,
      handover: { collectedBy: 'representative', collectorName: 'Trần Thị Hoa', originalsReturned: true },
    });
    const record = await engine.get(d.code);
    const journal = JSON.stringify(record.journal);
    expect(journal).not.toContain('Đỗ Minh Khoa');
    expect(journal).not.toContain('Trần Thị Hoa');
    expect(journal).toContain('Đ. M. K.');
    expect(journal).toContain('T. T. H.');
    expect(record.context.results?.[0]?.signer.name).toBe('Đỗ Minh Khoa');
    expect(record.context.outcome?.handover?.collectorName).toBe('Trần Thị Hoa');
  });
});
