import { ChainVerifier, GENESIS_HASH, hashEvent, hashRequest, StoredEventRow } from './event-hash';

const MEETING = '00000000-0000-4000-8000-000000000001';

function chain(n: number): StoredEventRow[] {
  const rows: StoredEventRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq += 1) {
    const e = {
      meetingId: MEETING,
      seq,
      type: 'agenda.itemUpdated',
      payload: { itemId: MEETING, changes: { title: `Lần ${seq}` } },
      actorId: null,
      at: `2026-12-01T01:00:0${seq}.000Z`,
    };
    const hash = hashEvent(prev, e);
    rows.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

function verify(
  rows: StoredEventRow[],
  head = { lastSeq: rows.length, lastHash: rows.at(-1)?.hash ?? GENESIS_HASH },
) {
  const v = new ChainVerifier();
  for (const r of rows) if (!v.push(r)) break;
  return v.finish(head);
}

describe('hashEvent', () => {
  it('does not depend on key order (jsonb reorders keys)', () => {
    const a = {
      meetingId: MEETING,
      seq: 1,
      type: 't',
      payload: { a: 1, b: [1, { c: 2, d: 3 }] },
      actorId: null,
      at: 'x',
    };
    const b = {
      at: 'x',
      actorId: null,
      payload: { b: [1, { d: 3, c: 2 }], a: 1 },
      type: 't',
      seq: 1,
      meetingId: MEETING,
    };
    expect(hashEvent(GENESIS_HASH, a)).toBe(hashEvent(GENESIS_HASH, b));
    expect(hashEvent(GENESIS_HASH, a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with every covered field and with the previous hash', () => {
    const [row] = chain(1);
    const base = hashEvent(GENESIS_HASH, row);
    for (const change of [{ seq: 2 }, { type: 'x' }, { payload: {} }, { actorId: MEETING }, { at: 'y' }]) {
      expect(hashEvent(GENESIS_HASH, { ...row, ...change })).not.toBe(base);
    }
    expect(hashEvent('f'.repeat(64), row)).not.toBe(base);
  });

  it('hashes requests for receipts by command, scope and canonical body', () => {
    expect(hashRequest('agenda.add', MEETING, { a: 1, b: 2 })).toBe(
      hashRequest('agenda.add', MEETING, { b: 2, a: 1 }),
    );
    expect(hashRequest('agenda.add', MEETING, { a: 1 })).not.toBe(
      hashRequest('agenda.update', MEETING, { a: 1 }),
    );
  });
});

describe('ChainVerifier', () => {
  it('accepts an intact chain and an empty one', () => {
    expect(verify(chain(5))).toMatchObject({ ok: true, count: 5 });
    expect(verify([])).toEqual({ ok: true, count: 0, lastHash: GENESIS_HASH });
  });

  it('names the first changed row', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], payload: { changed: true } };
    expect(verify(rows)).toMatchObject({ ok: false, seq: 3, reason: 'hash', stored: rows[2].hash, count: 2 });
  });

  it('names a removed or reordered row', () => {
    const rows = chain(5);
    expect(verify([rows[0], rows[2], rows[3], rows[4]])).toMatchObject({
      ok: false,
      seq: 2,
      reason: 'seq_gap',
    });
    const swapped = [rows[0], { ...rows[2], seq: 2 }, { ...rows[1], seq: 3 }];
    expect(verify(swapped)).toMatchObject({ ok: false, seq: 2, reason: 'prev_hash' });
  });

  it('checks the head against the last row', () => {
    const rows = chain(3);
    expect(verify(rows, { lastSeq: 3, lastHash: rows[1].hash })).toMatchObject({ ok: false, reason: 'head' });
    expect(verify(rows.slice(0, 2), { lastSeq: 3, lastHash: rows[2].hash })).toMatchObject({
      ok: false,
      seq: 3,
    });
  });
});
