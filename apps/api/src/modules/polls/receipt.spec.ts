import { ReceiptCodeSchema } from '@phonghop/common';
import { receiptFor } from './receipt';

const POLL = '0b7f2c1e-4d3a-4e5b-9c6d-7e8f9a0b1c2d';
const KEY = '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';

describe('receiptFor', () => {
  it('is XXXXX-XXXXX in Crockford base 32 (no I, L, O, U) and accepted as typed', () => {
    const r = receiptFor(POLL, KEY);
    expect(r).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(ReceiptCodeSchema.parse(r.toLowerCase().replace('-', ''))).toBe(r);
  });

  it('is the same for a retry (same poll and key) and differs across keys and polls', () => {
    expect(receiptFor(POLL, KEY)).toBe(receiptFor(POLL, KEY));
    expect(receiptFor(POLL, KEY)).not.toBe(receiptFor(POLL, '6f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f'));
    expect(receiptFor(POLL, KEY)).not.toBe(receiptFor('1b7f2c1e-4d3a-4e5b-9c6d-7e8f9a0b1c2d', KEY));
  });

  it('spreads: 10,000 random keys give 10,000 different receipts', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(receiptFor(POLL, crypto.randomUUID()));
    expect(seen.size).toBe(10_000);
  });
});
