import type { AgendaItem, Meeting, MeetingCommandResult, MeetingEventsResponse } from '@phonghop/common';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { startTestApp, TestApp } from '../../../test/test-app';
import {
  addItem,
  call,
  connect,
  createMeeting,
  emit,
  errorCode,
  expectStatus,
  key,
  ok,
  Person,
  person,
  recordEvents,
  settle,
  TestSocket,
} from '../../../test/meetings-kit';
import { describeVerdict, verifyMeetingChain } from './chain-verify';

const CLI = path.resolve(__dirname, '../../../dist/cli/audit-verify.js');

describe('the meeting event log', () => {
  let t: TestApp;
  let secretary: Person;
  let pg: Client;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    secretary = await person(t, 'thuky-log');
    pg = new Client({ connectionString: t.db.url });
    await pg.connect();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await pg.end();
    await t.close();
  });

  const seqOf = async (meetingId: string) =>
    expectStatus(await call<MeetingEventsResponse>(t, secretary, 'GET', `/meetings/${meetingId}/events`), 200)
      .seq;
  const verify = (meetingId: string) =>
    verifyMeetingChain(
      async <T>(sql: string, params: unknown[]) => (await pg.query(sql, params)).rows as T[],
      meetingId,
    );

  describe('idempotent retries', () => {
    it('acts once for the same key and request over REST, and refuses the key for another request', async () => {
      const m = await createMeeting(t, secretary);
      const k = key();
      const headers = { 'idempotency-key': k };
      const first = await call<AgendaItem>(
        t,
        secretary,
        'POST',
        `/meetings/${m.id}/agenda`,
        { title: 'Khai mạc' },
        headers,
      );
      const retry = await call<AgendaItem>(
        t,
        secretary,
        'POST',
        `/meetings/${m.id}/agenda`,
        { title: 'Khai mạc' },
        headers,
      );
      expect(expectStatus(retry, 201)).toEqual(expectStatus(first, 201));
      expect(await seqOf(m.id)).toBe(2);
      const other = await call(t, secretary, 'POST', `/meetings/${m.id}/agenda`, { title: 'Khác' }, headers);
      expect(other.status).toBe(409);
      expect(errorCode(other)).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(
        errorCode(
          await call(
            t,
            secretary,
            'POST',
            `/meetings/${m.id}/agenda`,
            { title: 'x' },
            { 'idempotency-key': 'abc' },
          ),
        ),
      ).toBe('VALIDATION_FAILED');
      const items = expectStatus(
        await call<{ items: AgendaItem[] }>(t, secretary, 'GET', `/meetings/${m.id}/agenda`),
        200,
      );
      expect(items.items.map((i) => i.title)).toEqual(['Khai mạc']);
      // Creating a meeting is idempotent too (its id is made per attempt, the key still matches).
      const body = {
        title: 'Họp một lần',
        kind: 'other',
        startsAt: '2026-12-20T08:00:00Z',
        endsAt: '2026-12-20T09:00:00Z',
        online: true,
      };
      const createKey = { 'idempotency-key': key() };
      const c1 = expectStatus(await call<Meeting>(t, secretary, 'POST', '/meetings', body, createKey), 201);
      const c2 = expectStatus(await call<Meeting>(t, secretary, 'POST', '/meetings', body, createKey), 201);
      expect(c2.id).toBe(c1.id);
    });

    it('acts once for a socket command retried after a lost ack; listeners get one event', async () => {
      const m = await createMeeting(t, secretary);
      const s = await connect(t.url, secretary);
      sockets.push(s);
      const seen = recordEvents(s);
      ok(await emit(s, 'meeting.join', { meetingId: m.id }));
      const cmd = { meetingId: m.id, idempotencyKey: key(), title: 'Báo cáo' };
      const a = ok(await emit(s, 'agenda.add', cmd)) as MeetingCommandResult;
      const b = ok(await emit(s, 'agenda.add', cmd)) as MeetingCommandResult;
      expect(b.event).toEqual(a.event);
      expect(a.event.seq).toBe(2);
      const reused = await emit(s, 'agenda.add', { ...cmd, title: 'Khác' });
      expect(reused).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' }),
      });
      await settle(t, s);
      expect(seen.map((e) => e.seq)).toEqual([2]);
      // The same key on REST with the same request is the same command.
      const rest = await call<AgendaItem>(
        t,
        secretary,
        'POST',
        `/meetings/${m.id}/agenda`,
        { title: 'Báo cáo' },
        {
          'idempotency-key': cmd.idempotencyKey,
        },
      );
      expect(expectStatus(rest, 201).id).toBe((a.event.payload as { item: AgendaItem }).item.id);
      expect(await seqOf(m.id)).toBe(2);
    });

    it('has one effect when duplicates race each other (same meeting, and creates)', async () => {
      const m = await createMeeting(t, secretary);
      const s = await Promise.all([1, 2, 3, 4].map(() => connect(t.url, secretary)));
      sockets.push(...s);
      const cmd = { meetingId: m.id, idempotencyKey: key(), title: 'Cùng lúc' };
      const acks = await Promise.all([...s, ...s].map((socket) => emit(socket, 'agenda.add', cmd)));
      const events = acks.map((a) => (ok(a) as MeetingCommandResult).event);
      expect(new Set(events.map((e) => e.seq))).toEqual(new Set([2]));
      expect(await seqOf(m.id)).toBe(2);

      const body = {
        title: 'Tạo đồng thời',
        kind: 'other',
        startsAt: '2026-12-20T08:00:00Z',
        endsAt: '2026-12-20T09:00:00Z',
        online: true,
      };
      const headers = { 'idempotency-key': key() };
      const created = await Promise.all(
        Array.from({ length: 6 }, () => call<Meeting>(t, secretary, 'POST', '/meetings', body, headers)),
      );
      expect(new Set(created.map((r) => expectStatus(r, 201).id)).size).toBe(1);
      const { rows } = await pg.query('SELECT count(*)::int AS n FROM meetings WHERE title = $1', [
        'Tạo đồng thời',
      ]);
      expect(rows[0].n).toBe(1);
    });

    it('answers a racing duplicate with the stored result even when the first one’s effect breaks its rule', async () => {
      // The receipt is read by the statement that takes the meeting's lock; a duplicate waiting
      // for that lock does not see the receipt committed meanwhile, and its handler finds the item
      // already gone. It must still answer the first one's result, not ITEM_NOT_FOUND.
      const m = await createMeeting(t, secretary);
      const item = await addItem(t, secretary, m.id, 'Sẽ bỏ');
      const s = await Promise.all([1, 2, 3, 4].map(() => connect(t.url, secretary)));
      const cmd = { meetingId: m.id, idempotencyKey: key(), itemId: item.id };
      const acks = await Promise.all([...s, ...s].map((socket) => emit(socket, 'agenda.remove', cmd)));
      s.forEach((socket) => socket.disconnect());
      const events = acks.map((a) => (ok(a) as MeetingCommandResult).event);
      expect(new Set(events.map((e) => e.seq))).toEqual(new Set([3]));
      expect(await seqOf(m.id)).toBe(3);
    });

    it('runs queued commands as one batch; one refused among them leaves the others written, each answered alone', async () => {
      // 12 commands at once: the first two take the meeting's two slots, the rest gather and run
      // together in one transaction (group commit). One of them is refused by its rule: the batch
      // is rolled back and each runs again alone.
      const m = await createMeeting(t, secretary);
      const s = await Promise.all([1, 2].map(() => connect(t.url, secretary)));
      const missing = '00000000-0000-4000-8000-00000000dead';
      const acks = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          i === 7
            ? emit(s[i % 2], 'agenda.remove', { meetingId: m.id, idempotencyKey: key(), itemId: missing })
            : emit(s[i % 2], 'agenda.add', { meetingId: m.id, idempotencyKey: key(), title: `Mục ${i}` }),
        ),
      );
      s.forEach((socket) => socket.disconnect());
      const refused = acks.filter((a) => !a.ok);
      expect(refused).toEqual([
        { ok: false, error: expect.objectContaining({ code: 'AGENDA_ITEM_NOT_FOUND' }) },
      ]);
      const seqs = acks
        .filter((a) => a.ok)
        .map((a) => (ok(a) as MeetingCommandResult).event.seq)
        .sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 11 }, (_, i) => i + 2));
      expect(await seqOf(m.id)).toBe(12);
      const { rows } = await pg.query('SELECT count(*)::int AS n FROM agenda_items WHERE meeting_id = $1', [
        m.id,
      ]);
      expect(rows[0].n).toBe(11);
      expect((await verify(m.id))?.ok).toBe(true);
    });

    it('refuses one key used at once on two meetings: one acts, the other leaves nothing', async () => {
      const [m1, m2] = await Promise.all([createMeeting(t, secretary), createMeeting(t, secretary)]);
      const k = key();
      const [r1, r2] = await Promise.all([
        call(t, secretary, 'POST', `/meetings/${m1.id}/agenda`, { title: 'A' }, { 'idempotency-key': k }),
        call(t, secretary, 'POST', `/meetings/${m2.id}/agenda`, { title: 'A' }, { 'idempotency-key': k }),
      ]);
      expect([r1.status, r2.status].sort()).toEqual([201, 409]);
      expect((await seqOf(m1.id)) + (await seqOf(m2.id))).toBe(3);
    });
  });

  describe('atomic commands', () => {
    it('leaves no half-written state and no event when the append fails', async () => {
      const m = await createMeeting(t, secretary);
      const first = await addItem(t, secretary, m.id, 'Một');
      await addItem(t, secretary, m.id, 'Hai');
      const s = await connect(t.url, secretary);
      sockets.push(s);
      const seen = recordEvents(s);
      ok(await emit(s, 'meeting.join', { meetingId: m.id }));
      // A fault injected in the database at the very end of the command: the event insert fails
      // after the agenda rows were shifted and inserted.
      await pg.query(`CREATE FUNCTION fail_boom() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.payload->'item'->>'title' = 'boom' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$`);
      await pg.query(
        'CREATE TRIGGER fail_boom BEFORE INSERT ON meeting_events FOR EACH ROW EXECUTE FUNCTION fail_boom()',
      );
      try {
        const before = await pg.query(
          'SELECT id, position, title FROM agenda_items WHERE meeting_id = $1 ORDER BY position',
          [m.id],
        );
        const k = key();
        const res = await call(
          t,
          secretary,
          'POST',
          `/meetings/${m.id}/agenda`,
          { title: 'boom', position: 1 },
          { 'idempotency-key': k },
        );
        expect(res.status).toBe(500);
        expect(errorCode(res)).toBe('INTERNAL_ERROR');
        const after = await pg.query(
          'SELECT id, position, title FROM agenda_items WHERE meeting_id = $1 ORDER BY position',
          [m.id],
        );
        expect(after.rows).toEqual(before.rows);
        const head = await pg.query('SELECT last_seq FROM meetings WHERE id = $1', [m.id]);
        expect(head.rows[0].last_seq).toBe(3);
        const receipts = await pg.query('SELECT 1 FROM command_receipts WHERE idempotency_key = $1', [k]);
        expect(receipts.rowCount).toBe(0);
        await settle(t, s);
        expect(seen).toEqual([]);
      } finally {
        await pg.query('DROP TRIGGER fail_boom ON meeting_events');
        await pg.query('DROP FUNCTION fail_boom()');
      }
      // The log goes on where it was; the chain is whole.
      const next = ok(
        await emit(s, 'agenda.remove', { meetingId: m.id, idempotencyKey: key(), itemId: first.id }),
      );
      expect((next as MeetingCommandResult).event.seq).toBe(4);
      expect(await verify(m.id)).toMatchObject({ ok: true, count: 4 });
    });

    it('writes nothing for a refused command', async () => {
      const m = await createMeeting(t, secretary);
      const a = await addItem(t, secretary, m.id, 'Một');
      const res = await call(t, secretary, 'PUT', `/meetings/${m.id}/agenda/order`, {
        itemIds: [a.id, a.id],
      });
      expect(errorCode(res)).toBe('AGENDA_ORDER_MISMATCH');
      expect(await seqOf(m.id)).toBe(2);
    });
  });

  describe('hash chain and audit:verify', () => {
    it('refuses to change or delete a logged event', async () => {
      const m = await createMeeting(t, secretary);
      await expect(
        pg.query(`UPDATE meeting_events SET type = 'x' WHERE meeting_id = $1`, [m.id]),
      ).rejects.toThrow(/append-only/);
      await expect(pg.query('DELETE FROM meeting_events WHERE meeting_id = $1', [m.id])).rejects.toThrow(
        /append-only/,
      );
    });

    it('verifies an intact chain and names the first tampered row', async () => {
      const m = await createMeeting(t, secretary);
      for (const title of ['Một', 'Hai', 'Ba', 'Bốn']) await addItem(t, secretary, m.id, title);
      expect(await verify(m.id)).toMatchObject({ ok: true, count: 5 });

      // Someone with the table owner's rights edits history behind the application's back.
      await pg.query('ALTER TABLE meeting_events DISABLE TRIGGER meeting_events_append_only');
      try {
        await pg.query(
          `UPDATE meeting_events SET payload = jsonb_set(payload, '{item,title}', '"Đã sửa"') WHERE meeting_id = $1 AND seq = 3`,
          [m.id],
        );
      } finally {
        await pg.query('ALTER TABLE meeting_events ENABLE TRIGGER meeting_events_append_only');
      }
      const verdict = await verify(m.id);
      expect(verdict).toMatchObject({ ok: false, seq: 3, reason: 'hash', count: 2 });
      expect(describeVerdict(m.id, verdict!)).toMatch(/^BROKEN .* at seq 3: stored hash does not match/);

      if (!fs.existsSync(CLI)) {
        console.warn(
          `audit:verify CLI not built (${CLI}); run \`npx tsc -p apps/api/tsconfig.build.json\` to test it too`,
        );
        return;
      }
      const run = (id: string) =>
        new Promise<{ code: number; out: string }>((resolve) => {
          execFile(
            'node',
            [CLI, id],
            { env: { ...process.env, DATABASE_URL: t.db.url } },
            (err, stdout, stderr) =>
              resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
          );
        });
      const broken = await run(m.id);
      expect(broken.code).toBe(1);
      expect(broken.out).toContain(`BROKEN ${m.id} at seq 3`);
      const intact = await createMeeting(t, secretary);
      const good = await run(intact.id);
      expect(good).toEqual({ code: 0, out: expect.stringContaining(`OK ${intact.id}: 1 events`) });
    });

    it('notices removed rows and a moved head', async () => {
      const m = await createMeeting(t, secretary);
      for (const title of ['Một', 'Hai', 'Ba']) await addItem(t, secretary, m.id, title);
      await pg.query('ALTER TABLE meeting_events DISABLE TRIGGER meeting_events_append_only');
      try {
        await pg.query('DELETE FROM meeting_events WHERE meeting_id = $1 AND seq = 2', [m.id]);
      } finally {
        await pg.query('ALTER TABLE meeting_events ENABLE TRIGGER meeting_events_append_only');
      }
      expect(await verify(m.id)).toMatchObject({ ok: false, seq: 2, reason: 'seq_gap' });

      const n = await createMeeting(t, secretary);
      await addItem(t, secretary, n.id, 'Một');
      await pg.query(`UPDATE meetings SET last_hash = repeat('a', 64) WHERE id = $1`, [n.id]);
      expect(await verify(n.id)).toMatchObject({ ok: false, seq: 2, reason: 'head' });
    });
  });
});
