import type { AgendaItem, MeetingEventsResponse } from '@phonghop/common';
import { startTestApp, TestApp } from '../../../test/test-app';
import { call, createMeeting, expectStatus, key, Person, person } from '../../../test/meetings-kit';
import { ReceiptPurgeService } from './receipt-purge.service';

describe('idempotency receipt purge', () => {
  let t: TestApp;
  let secretary: Person;

  beforeAll(async () => {
    t = await startTestApp({ env: { IDEMPOTENCY_RETENTION_DAYS: '7' } });
    secretary = await person(t, 'thuky-purge');
  });
  afterAll(() => t.close());

  const addWithKey = (meetingId: string, idempotencyKey: string, title: string) =>
    call<AgendaItem>(
      t,
      secretary,
      'POST',
      `/meetings/${meetingId}/agenda`,
      { title },
      {
        'idempotency-key': idempotencyKey,
      },
    );
  const seqOf = async (meetingId: string) =>
    expectStatus(await call<MeetingEventsResponse>(t, secretary, 'GET', `/meetings/${meetingId}/events`), 200)
      .seq;
  const receiptKeys = async (): Promise<string[]> =>
    (
      (await t.dataSource.query('SELECT idempotency_key FROM command_receipts WHERE actor_id = $1', [
        secretary.id,
      ])) as { idempotency_key: string }[]
    ).map((r) => r.idempotency_key);

  it('deletes only receipts older than the window; a retry inside the window still acts once', async () => {
    const m = await createMeeting(t, secretary);
    const [oldKey, edgeKey, freshKey] = [key(), key(), key()];
    expectStatus(await addWithKey(m.id, oldKey, 'Cũ'), 201);
    expectStatus(await addWithKey(m.id, edgeKey, 'Sát hạn'), 201);
    const fresh = expectStatus(await addWithKey(m.id, freshKey, 'Mới'), 201);
    // Age the receipts on the database's clock: one well past the window, one just inside it.
    await t.dataSource.query(
      `UPDATE command_receipts SET created_at = now() - interval '8 days' WHERE idempotency_key = $1`,
      [oldKey],
    );
    await t.dataSource.query(
      `UPDATE command_receipts SET created_at = now() - interval '6 days 23 hours' WHERE idempotency_key = $1`,
      [edgeKey],
    );

    const deleted = await t.app.get(ReceiptPurgeService).purgeNow();

    expect(deleted).toBe(1);
    const left = await receiptKeys();
    expect(left).not.toContain(oldKey);
    expect(left).toEqual(expect.arrayContaining([edgeKey, freshKey]));
    // Retries inside the window get the first answer and write nothing.
    const seqBefore = await seqOf(m.id);
    expect(expectStatus(await addWithKey(m.id, freshKey, 'Mới'), 201)).toEqual(fresh);
    expectStatus(await addWithKey(m.id, edgeKey, 'Sát hạn'), 201);
    expect(await seqOf(m.id)).toBe(seqBefore);
  });

  it('purges a backlog larger than one batch', async () => {
    const m = await createMeeting(t, secretary);
    // 12,000 aged receipts (more than two batches of 5,000), written directly.
    await t.dataSource.query(
      `INSERT INTO command_receipts (actor_id, idempotency_key, meeting_id, command, request_hash, response, created_at)
       SELECT $1, gen_random_uuid(), $2, 'agenda.add', repeat('0', 64), '{}'::jsonb, now() - interval '30 days'
         FROM generate_series(1, 12000)`,
      [secretary.id, m.id],
    );
    expect(await t.app.get(ReceiptPurgeService).purgeNow()).toBe(12000);
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM command_receipts WHERE created_at < now() - interval '7 days'`,
    )) as { n: number }[];
    expect(n).toBe(0);
  });
});
