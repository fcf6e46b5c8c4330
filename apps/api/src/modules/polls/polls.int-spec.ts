import type {
  MeetingCommandResult,
  MeetingEvent,
  MeetingEventOf,
  Poll,
  PollCastResult,
  PollDefinitionInput,
  PollMine,
  PollProgress,
  ReceiptCheck,
} from '@phonghop/common';
import { MeetingEventStream } from '@phonghop/common';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, TestApp } from '../../../test/test-app';
import {
  joinRoom,
  addParticipant,
  call,
  connect,
  createMeeting,
  emit,
  errorCode,
  eventually,
  expectStatus,
  key,
  ok,
  Person,
  person,
  recordEvents,
  TestSocket,
  transition,
} from '../../../test/meetings-kit';
import { verifyPoll } from './poll-verify';

const CLI = path.resolve(__dirname, '../../../dist/cli/poll-verify.js');
const refusedWith = (code: string) => ({ ok: false, error: expect.objectContaining({ code }) });
const YNA = { kind: 'yes_no_abstain', secret: false, rule: { kind: 'more_than_half_present' } } as const;

/** Voting over real sockets on a real PostgreSQL: lifecycle, permissions, ballots, secrecy, receipts. */
describe('polls', () => {
  let t: TestApp;
  let secretary: Person;
  let chair: Person;
  let guest: Person;
  let outsider: Person;
  let d: Person[]; // d[0..4]: d1..d5
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    // The secretary sets up a meeting per test (a dozen commands at full speed): the command
    // limits are not what this suite tests (socket-floods.int-spec.ts does).
    t = await startTestApp({ env: { SOCKET_WRITE_PER_SECOND: '1000' } });
    secretary = await person(t, 'thuky-poll');
    chair = await person(t, 'chutri-poll');
    guest = await person(t, 'khach-poll');
    outsider = await person(t, 'ngoai-poll');
    d = [];
    for (let i = 1; i <= 5; i++) d.push(await person(t, `daibieu-poll-${i}`));
  });

  afterAll(() => t?.close());
  const cached = new Map<string, TestSocket>();
  afterEach(() => {
    cached.clear();
    sockets.splice(0).forEach((s) => s.close());
  });

  /** One socket per person (a person may hold only a few). */
  async function socketOf(who: Person): Promise<TestSocket> {
    const known = cached.get(who.id);
    if (known?.connected) return known;
    const s = await extraSocket(who);
    cached.set(who.id, s);
    return s;
  }

  /** Another socket of the same person (a second tablet). */
  async function extraSocket(who: Person): Promise<TestSocket> {
    const s = await connect(t.url, who);
    sockets.push(s);
    return s;
  }

  async function mark(meetingId: string, who: Person, status: string, extra: Record<string, unknown> = {}) {
    const sec = await socketOf(secretary);
    ok(
      await emit(sec, 'attendance.mark', {
        meetingId,
        idempotencyKey: key(),
        userId: who.id,
        status,
        ...extra,
      } as never),
    );
  }

  /**
   * A live meeting: chair, secretary, d1..d5 (7 voting members) and a guest. Present: chair,
   * secretary, d1, d2, d3 and the guest; d4 absent with a proxy to d1; d5 not checked in.
   */
  async function liveMeeting(): Promise<string> {
    const m = await createMeeting(t, secretary);
    await addParticipant(t, secretary, m.id, chair, 'chair');
    for (const x of d) await addParticipant(t, secretary, m.id, x, 'delegate');
    await addParticipant(t, secretary, m.id, guest, 'guest');
    await transition(t, secretary, m.id, 'scheduled');
    const sec = await socketOf(secretary);
    ok(
      await emit(sec, 'attendance.configure', {
        meetingId: m.id,
        idempotencyKey: key(),
        proxiesAllowed: true,
      }),
    );
    for (const x of [chair, secretary, d[0], d[1], d[2], guest]) await mark(m.id, x, 'present_room');
    await mark(m.id, d[3], 'absent', { absenceReason: 'sick' });
    ok(
      await emit(sec, 'attendance.setProxy', {
        meetingId: m.id,
        idempotencyKey: key(),
        fromUserId: d[3].id,
        toUserId: d[0].id,
      }),
    );
    await transition(t, chair, m.id, 'live');
    return m.id;
  }

  async function create(by: TestSocket, meetingId: string, def: PollDefinitionInput): Promise<Poll> {
    const res = ok(
      await emit(by, 'poll.create', { meetingId, idempotencyKey: key(), ...def }),
    ) as MeetingCommandResult;
    return (res.event as MeetingEventOf<'poll.created'>).payload.poll;
  }

  /** The room as the socket's client holds it after joining (the roster read as the chair: the same for all). */
  const snapshot = (s: TestSocket, meetingId: string) => joinRoom(t, s, chair, meetingId);

  const cast = (s: TestSocket, meetingId: string, pollId: string, choices: string[], extra = {}) =>
    emit(s, 'poll.cast', { meetingId, pollId, idempotencyKey: key(), choices, ...extra });

  it('runs a named poll: prepare, open with its voters, cast (proxy too), progress, close, publish', async () => {
    const meetingId = await liveMeeting();
    const c = await socketOf(chair);
    const stream = new MeetingEventStream(await snapshot(c, meetingId));
    c.on('meeting.event', (e) => stream.receive(e));
    const progress: PollProgress[] = [];
    c.on('poll.progress', (p) => progress.push(p));

    // Permissions to prepare: chair and secretary; not a delegate, a guest or an outsider.
    expect(
      await emit(await socketOf(d[1]), 'poll.create', {
        meetingId,
        idempotencyKey: key(),
        title: 'X',
        ...YNA,
      }),
    ).toEqual(refusedWith('MEETING_ROLE_REQUIRED'));
    expect(
      await emit(await socketOf(guest), 'poll.create', {
        meetingId,
        idempotencyKey: key(),
        title: 'X',
        ...YNA,
      }),
    ).toEqual(refusedWith('MEETING_ROLE_REQUIRED'));
    expect(
      await emit(await socketOf(outsider), 'poll.create', {
        meetingId,
        idempotencyKey: key(),
        title: 'X',
        ...YNA,
      }),
    ).toEqual(refusedWith('MEETING_NOT_FOUND'));
    const draft = await create(await socketOf(secretary), meetingId, {
      title: 'Thông qua Nghị quyết về chỉnh trang đô thị',
      ...YNA,
    });
    expect(draft).toMatchObject({
      status: 'draft',
      options: [{ id: 'yes', label: 'Tán thành' }, { id: 'no' }, { id: 'abstain' }],
    });

    // Only the chair opens; the secretary cannot.
    expect(
      await emit(await socketOf(secretary), 'poll.open', {
        meetingId,
        idempotencyKey: key(),
        pollId: draft.id,
      }),
    ).toEqual(refusedWith('MEETING_ROLE_REQUIRED'));
    const opened = ok(
      await emit(c, 'poll.open', { meetingId, idempotencyKey: key(), pollId: draft.id }),
    ) as MeetingCommandResult;
    expect(opened.event).toMatchObject({
      type: 'poll.opened',
      payload: {
        members: 7,
        quorum: { counted: 5, expected: 7, reached: true, confirmedWithoutQuorum: false },
      },
    });
    const voters = (opened.event as MeetingEventOf<'poll.opened'>).payload.voters;
    expect(voters.map((v) => [v.userId, v.holderId]).sort()).toEqual(
      [
        [chair.id, chair.id],
        [secretary.id, secretary.id],
        [d[0].id, d[0].id],
        [d[1].id, d[1].id],
        [d[2].id, d[2].id],
        [d[3].id, d[0].id], // d4's proxy, held by d1
      ].sort(),
    );
    expect(
      await emit(await socketOf(secretary), 'poll.update', {
        meetingId,
        idempotencyKey: key(),
        pollId: draft.id,
        title: 'Y',
        ...YNA,
      }),
    ).toEqual(refusedWith('POLL_NOT_DRAFT'));

    // Ballots. The guest, the outsider, d5 (not present at open) and d2 for d4 have none.
    const d1 = await socketOf(d[0]);
    const r1 = ok(await cast(d1, meetingId, draft.id, ['yes'])) as PollCastResult;
    expect(r1.receipt).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const r4 = ok(await cast(d1, meetingId, draft.id, ['no'], { proxyFor: d[3].id })) as PollCastResult;
    expect(r4).toMatchObject({ userId: d[3].id, changed: false });
    expect(await cast(await socketOf(guest), meetingId, draft.id, ['yes'])).toEqual(
      refusedWith('NOT_A_VOTER'),
    );
    expect(await cast(await socketOf(outsider), meetingId, draft.id, ['yes'])).toEqual(
      refusedWith('MEETING_NOT_FOUND'),
    );
    expect(await cast(await socketOf(d[4]), meetingId, draft.id, ['yes'])).toEqual(
      refusedWith('NOT_A_VOTER'),
    );
    const d2 = await socketOf(d[1]);
    expect(await cast(d2, meetingId, draft.id, ['yes'], { proxyFor: d[3].id })).toEqual(
      refusedWith('NOT_A_VOTER'),
    );
    expect(await cast(d2, meetingId, draft.id, ['maybe'])).toEqual(refusedWith('BALLOT_INVALID'));
    expect(await cast(d2, meetingId, draft.id, ['yes', 'no'])).toEqual(refusedWith('BALLOT_INVALID'));
    ok(await cast(d2, meetingId, draft.id, ['yes']));
    // A second ballot (another key) is refused: the poll does not allow changes.
    expect(await cast(d2, meetingId, draft.id, ['no'])).toEqual(refusedWith('ALREADY_VOTED'));
    ok(await cast(await socketOf(d[2]), meetingId, draft.id, ['abstain']));
    ok(await cast(c, meetingId, draft.id, ['yes']));

    // A retry of a cast whose ack was lost (same key) answers the same receipt and counts once.
    const retryKey = key();
    const sec = await socketOf(secretary);
    const first = ok(
      await emit(sec, 'poll.cast', {
        meetingId,
        pollId: draft.id,
        idempotencyKey: retryKey,
        choices: ['yes'],
      }),
    );
    const again = ok(
      await emit(sec, 'poll.cast', {
        meetingId,
        pollId: draft.id,
        idempotencyKey: retryKey,
        choices: ['yes'],
      }),
    );
    expect(again).toEqual(first);
    expect(
      await emit(sec, 'poll.cast', {
        meetingId,
        pollId: draft.id,
        idempotencyKey: retryKey,
        choices: ['no'],
      }),
    ).toEqual(refusedWith('IDEMPOTENCY_KEY_REUSED'));

    // Progress: coalesced counts, no tally (the chair did not allow it).
    await eventually(() => expect(progress.at(-1)).toMatchObject({ pollId: draft.id, cast: 6, voters: 6 }));
    expect(progress.length).toBeLessThan(7);
    expect(progress.every((p) => p.tally === undefined)).toBe(true);

    // poll.mine: d1 holds two rights, both cast, with receipts and choices (named poll).
    const mine = ok(await emit(d1, 'poll.mine', { meetingId, pollId: draft.id })) as PollMine;
    expect(mine.entitlements.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual(
      [
        { userId: d[0].id, cast: true, receipt: r1.receipt, choices: ['yes'] },
        { userId: d[3].id, cast: true, receipt: r4.receipt, choices: ['no'] },
      ].sort((a, b) => a.userId.localeCompare(b.userId)),
    );
    expect(mine.progress).toMatchObject({ cast: 6, voters: 6 });

    // Close: 4 yes of 6 voters present (required 4) → passed.
    expect(await emit(sec, 'poll.close', { meetingId, idempotencyKey: key(), pollId: draft.id })).toEqual(
      refusedWith('MEETING_ROLE_REQUIRED'),
    );
    const closed = ok(
      await emit(c, 'poll.close', { meetingId, idempotencyKey: key(), pollId: draft.id }),
    ) as MeetingCommandResult;
    const result = (closed.event as MeetingEventOf<'poll.closed'>).payload.result;
    expect(result).toMatchObject({
      base: 'voters',
      denominator: 6,
      required: 4,
      cast: 6,
      notVoted: 0,
      passed: true,
    });
    expect(result.options.map((o) => [o.optionId, o.count, o.percent])).toEqual([
      ['yes', 4, 66.67],
      ['no', 1, 16.67],
      ['abstain', 1, 16.67],
    ]);
    expect(await cast(d2, meetingId, draft.id, ['no'])).toEqual(refusedWith('POLL_NOT_OPEN'));
    // The retry of a committed cast still answers its receipt after close.
    expect(
      ok(
        await emit(sec, 'poll.cast', {
          meetingId,
          pollId: draft.id,
          idempotencyKey: retryKey,
          choices: ['yes'],
        }),
      ),
    ).toEqual(first);

    // Publish: receipts and who voted what.
    ok(await emit(c, 'poll.publish', { meetingId, idempotencyKey: key(), pollId: draft.id }));
    await eventually(() => expect(stream.snapshot.polls.items[0].status).toBe('published'));
    const published = stream.snapshot.polls.items[0];
    expect(published.receipts).toHaveLength(6);
    expect(published.receipts).toContain(r1.receipt);
    expect(published.votes?.find((v) => v.userId === d[3].id)).toEqual({
      userId: d[3].id,
      castById: d[0].id,
      choices: ['no'],
      receipt: r4.receipt,
    });
    // The reduced stream equals a fresh snapshot from the tables.
    const fresh = await snapshot(await extraSocket(chair), meetingId);
    expect(stream.snapshot.polls).toEqual(fresh.polls);
    expect(stream.seq).toBe(fresh.seq);

    // A voter checks their receipt is counted (REST); a made-up one is not.
    const check = expectStatus(
      await call<ReceiptCheck>(
        t,
        d[0],
        'GET',
        `/meetings/${meetingId}/polls/${draft.id}/receipts/${r1.receipt.toLowerCase().replace('-', '')}`,
      ),
      200,
    );
    expect(check).toEqual({ pollId: draft.id, receipt: r1.receipt, counted: true });
    const made = await call<ReceiptCheck>(
      t,
      d[0],
      'GET',
      `/meetings/${meetingId}/polls/${draft.id}/receipts/ZZZZZ-ZZZZZ`,
    );
    expect(expectStatus(made, 200).counted).toBe(false);
    const out = await call(
      t,
      outsider,
      'GET',
      `/meetings/${meetingId}/polls/${draft.id}/receipts/${r1.receipt}`,
    );
    expect(errorCode(out)).toBe('MEETING_NOT_FOUND');

    const verdict = await verifyPoll(query(t), draft.id);
    expect(verdict?.ok).toBe(true);
  });

  it('warns about the quorum on open, and records the chair’s confirmation on the log', async () => {
    const m = await createMeeting(t, secretary);
    await addParticipant(t, secretary, m.id, chair, 'chair');
    for (const x of d) await addParticipant(t, secretary, m.id, x, 'delegate');
    await transition(t, secretary, m.id, 'scheduled');
    await mark(m.id, chair, 'present_room');
    await mark(m.id, d[0], 'present_online');
    await transition(t, chair, m.id, 'live');
    const c = await socketOf(chair);
    const poll = await create(c, m.id, { title: 'Biểu quyết thiếu số lượng', ...YNA });
    expect(await emit(c, 'poll.open', { meetingId: m.id, idempotencyKey: key(), pollId: poll.id })).toEqual(
      refusedWith('QUORUM_NOT_REACHED'),
    );
    const opened = ok(
      await emit(c, 'poll.open', {
        meetingId: m.id,
        idempotencyKey: key(),
        pollId: poll.id,
        confirmNoQuorum: true,
      }),
    ) as MeetingCommandResult;
    expect(opened.event.payload).toMatchObject({
      quorum: { counted: 2, expected: 7, required: 4, reached: false, confirmedWithoutQuorum: true },
      voters: [
        { userId: chair.id, holderId: chair.id, late: false },
        { userId: d[0].id, holderId: d[0].id, late: false },
      ],
    });
  });

  it('keeps one ballot per voter under racing casts (the database constraint), and one per retried key', async () => {
    const meetingId = await liveMeeting();
    const poll = await create(await socketOf(chair), meetingId, { title: 'Đua phiếu', ...YNA });
    ok(await emit(await socketOf(chair), 'poll.open', { meetingId, idempotencyKey: key(), pollId: poll.id }));
    const many = await Promise.all(Array.from({ length: 4 }, () => extraSocket(d[1])));
    const acks = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        cast(many[i % many.length], meetingId, poll.id, [i % 2 ? 'yes' : 'no']),
      ),
    );
    expect(acks.filter((a) => a.ok)).toHaveLength(1);
    expect(acks.filter((a) => !a.ok).every((a) => !a.ok && a.error.code === 'ALREADY_VOTED')).toBe(true);

    const sameKey = key();
    const d3 = await Promise.all(Array.from({ length: 3 }, () => extraSocket(d[2])));
    const retried = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        emit(d3[i % 3], 'poll.cast', {
          meetingId,
          pollId: poll.id,
          idempotencyKey: sameKey,
          choices: ['yes'],
        }),
      ),
    );
    expect(new Set(retried.map((a) => JSON.stringify(ok(a)))).size).toBe(1);
    const rows = await t.dataSource.query('SELECT user_id FROM poll_ballots WHERE poll_id = $1', [poll.id]);
    expect(rows.map((r: { user_id: string }) => r.user_id).sort()).toEqual([d[1].id, d[2].id].sort());
    // The constraint itself, not only the code: a second row for a voter is refused by PostgreSQL.
    await expect(
      t.dataSource.query(
        `INSERT INTO poll_ballots (poll_id, user_id, cast_by_id, choices, receipt, idempotency_key, cast_at)
         VALUES ($1, $2, $2, '["no"]', 'AAAAA-AAAAA', gen_random_uuid(), now())`,
        [poll.id, d[1].id],
      ),
    ).rejects.toThrow(/duplicate key/);
    await expect(
      t.dataSource.query('INSERT INTO poll_secret_markers (poll_id, user_id) VALUES ($1, $2)', [
        poll.id,
        guest.id,
      ]),
    ).rejects.toThrow(/foreign key/);
  });

  it('refuses in the one-statement cast what the full path refuses, and writes nothing then', async () => {
    // A cast is first tried as one statement (PollsRepository.castInOneStatement); every refusal
    // below must come out exactly as before and leave no marker, no ballot.
    const meetingId = await liveMeeting();
    const c = await socketOf(chair);
    const poll = await create(c, meetingId, { title: 'Một câu lệnh', ...YNA, secret: true });
    ok(await emit(c, 'poll.open', { meetingId, idempotencyKey: key(), pollId: poll.id }));
    const d1 = await socketOf(d[0]);
    const markers = async () =>
      (
        (await t.dataSource.query('SELECT user_id FROM poll_secret_markers WHERE poll_id = $1', [
          poll.id,
        ])) as { user_id: string }[]
      )
        .map((r) => r.user_id)
        .sort();
    const boxed = async () =>
      Number(
        (
          (await t.dataSource.query('SELECT count(*) AS n FROM poll_ballot_box WHERE poll_id = $1', [
            poll.id,
          ])) as { n: string }[]
        )[0].n,
      );

    // d1's own ballot, then the same key for the proxy d1 holds: the receipt is taken, so the
    // statement fails on the box's constraint and the proxy's marker is not kept either.
    const k = key();
    ok(await emit(d1, 'poll.cast', { meetingId, pollId: poll.id, idempotencyKey: k, choices: ['yes'] }));
    expect(
      await emit(d1, 'poll.cast', {
        meetingId,
        pollId: poll.id,
        idempotencyKey: k,
        choices: ['yes'],
        proxyFor: d[3].id,
      }),
    ).toEqual(refusedWith('IDEMPOTENCY_KEY_REUSED'));
    expect(await markers()).toEqual([d[0].id]);
    expect(await boxed()).toBe(1);
    ok(await cast(d1, meetingId, poll.id, ['no'], { proxyFor: d[3].id }));
    expect(await markers()).toEqual([d[0].id, d[3].id].sort());

    // Somebody else's right, a guest, an unknown option: refused, nothing written.
    expect(await cast(await socketOf(d[1]), meetingId, poll.id, ['no'], { proxyFor: d[3].id })).toEqual(
      refusedWith('NOT_A_VOTER'),
    );
    expect(await cast(await socketOf(guest), meetingId, poll.id, ['no'])).toEqual(refusedWith('NOT_A_VOTER'));
    expect(await cast(await socketOf(d[1]), meetingId, poll.id, ['maybe'])).toEqual(
      refusedWith('BALLOT_INVALID'),
    );

    // A session that ended (revoked in the database, the socket still open): refused.
    const d2 = await socketOf(d[1]);
    await t.dataSource.query('UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1', [d[1].id]);
    try {
      expect(await cast(d2, meetingId, poll.id, ['no'])).toEqual(refusedWith('UNAUTHENTICATED'));
    } finally {
      await t.dataSource.query('UPDATE auth_sessions SET revoked_at = NULL WHERE user_id = $1', [d[1].id]);
    }

    // Time up (closesAt passed, the timer not yet run): refused.
    await t.dataSource.query(`UPDATE polls SET closes_at = now() WHERE id = $1`, [poll.id]);
    expect(await cast(await socketOf(d[2]), meetingId, poll.id, ['yes'])).toEqual(
      refusedWith('POLL_TIME_UP'),
    );
    await t.dataSource.query('UPDATE polls SET closes_at = NULL WHERE id = $1', [poll.id]);
    expect(await markers()).toEqual([d[0].id, d[3].id].sort());
    expect(await boxed()).toBe(2);

    // Closed: refused; a retry of an acknowledged cast still answers its receipt.
    const closed = ok(
      await emit(c, 'poll.close', { meetingId, idempotencyKey: key(), pollId: poll.id }),
    ) as MeetingCommandResult;
    expect((closed.event as MeetingEventOf<'poll.closed'>).payload.result.cast).toBe(2);
    expect(await cast(await socketOf(d[2]), meetingId, poll.id, ['yes'])).toEqual(
      refusedWith('POLL_NOT_OPEN'),
    );
    ok(await emit(d1, 'poll.cast', { meetingId, pollId: poll.id, idempotencyKey: k, choices: ['yes'] }));
    expect((await verifyPoll(query(t), poll.id))?.ok).toBe(true);
  });

  it('adds a late arrival while open (the secretary, on the log), who then votes', async () => {
    const meetingId = await liveMeeting();
    const c = await socketOf(chair);
    const poll = await create(c, meetingId, { title: 'Người đến muộn', ...YNA });
    ok(await emit(c, 'poll.open', { meetingId, idempotencyKey: key(), pollId: poll.id }));
    const sec = await socketOf(secretary);
    const add = () =>
      emit(sec, 'poll.addVoter', { meetingId, idempotencyKey: key(), pollId: poll.id, userId: d[4].id });
    expect(await add()).toEqual(refusedWith('POLL_VOTER_INVALID')); // not checked in yet
    expect(
      await emit(sec, 'poll.addVoter', {
        meetingId,
        idempotencyKey: key(),
        pollId: poll.id,
        userId: guest.id,
      }),
    ).toEqual(refusedWith('POLL_VOTER_INVALID'));
    expect(
      await emit(await socketOf(d[1]), 'poll.addVoter', {
        meetingId,
        idempotencyKey: key(),
        pollId: poll.id,
        userId: d[4].id,
      }),
    ).toEqual(refusedWith('MEETING_ROLE_REQUIRED'));
    await mark(meetingId, d[4], 'present_room');
    const added = ok(await add()) as MeetingCommandResult;
    expect(added.event).toMatchObject({
      type: 'poll.voterAdded',
      payload: { voter: { userId: d[4].id, late: true } },
    });
    expect(await add()).toEqual(refusedWith('POLL_VOTER_EXISTS'));
    ok(await cast(await socketOf(d[4]), meetingId, poll.id, ['yes']));
    const closed = ok(
      await emit(c, 'poll.close', { meetingId, idempotencyKey: key(), pollId: poll.id }),
    ) as MeetingCommandResult;
    expect((closed.event as MeetingEventOf<'poll.closed'>).payload.result).toMatchObject({
      voters: 7,
      cast: 1,
    });
  });

  it('lets a named ballot change until close where allowed, with a live tally where allowed', async () => {
    const meetingId = await liveMeeting();
    const c = await socketOf(chair);
    const poll = await create(c, meetingId, {
      title: 'Chọn phương án',
      kind: 'single',
      secret: false,
      options: [{ label: 'Phương án A' }, { label: 'Phương án B' }],
      rule: { kind: 'more_than_half_members' },
      allowChange: true,
      showLiveTally: true,
    });
    const progress: PollProgress[] = [];
    c.on('poll.progress', (p) => progress.push(p));
    ok(await emit(c, 'meeting.join', { meetingId }));
    ok(await emit(c, 'poll.open', { meetingId, idempotencyKey: key(), pollId: poll.id }));
    const d2 = await socketOf(d[1]);
    const firstKey = key();
    const first = { meetingId, pollId: poll.id, idempotencyKey: firstKey, choices: ['o1'] };
    const a = ok(await emit(d2, 'poll.cast', first)) as PollCastResult;
    await eventually(() => expect(progress.at(-1)?.tally).toEqual([{ optionId: 'o1', count: 1 }]));
    const b = ok(await cast(d2, meetingId, poll.id, ['o2'])) as PollCastResult;
    expect(b.changed).toBe(true);
    expect(b.receipt).not.toBe(a.receipt);
    // A late retry of the first cast (its ack was lost) answers its receipt and changes nothing.
    expect(ok(await emit(await extraSocket(d[1]), 'poll.cast', first))).toEqual(a);
    const mine = ok(await emit(d2, 'poll.mine', { meetingId, pollId: poll.id })) as PollMine;
    expect(mine.entitlements).toEqual([{ userId: d[1].id, cast: true, receipt: b.receipt, choices: ['o2'] }]);
    await eventually(() => expect(progress.at(-1)?.tally).toEqual([{ optionId: 'o2', count: 1 }]));
    expect(progress.at(-1)?.cast).toBe(1);
    const closed = ok(
      await emit(c, 'poll.close', { meetingId, idempotencyKey: key(), pollId: poll.id }),
    ) as MeetingCommandResult;
    const result = (closed.event as MeetingEventOf<'poll.closed'>).payload.result;
    expect(result).toMatchObject({ base: 'members', denominator: 7, required: 4, cast: 1, passed: false });
    expect(result.options.map((o) => o.count)).toEqual([0, 1]);
  });

  describe('a secret poll', () => {
    let voters: Person[];
    beforeAll(async () => {
      voters = [];
      for (let i = 1; i <= 12; i++) voters.push(await person(t, `bau-cu-${i}`));
    });

    /** A live meeting of the chair and the twelve voters, all present. */
    async function liveMeetingOfVoters(): Promise<string> {
      const m = await createMeeting(t, secretary);
      await addParticipant(t, secretary, m.id, chair, 'chair');
      for (const v of voters) await addParticipant(t, secretary, m.id, v, 'delegate');
      await transition(t, secretary, m.id, 'scheduled');
      for (const v of [chair, ...voters]) await mark(m.id, v, 'present_room');
      await transition(t, chair, m.id, 'live');
      return m.id;
    }

    /** Such a meeting with an open secret poll. */
    async function meetingWithPoll(): Promise<{ meetingId: string; pollId: string }> {
      const meetingId = await liveMeetingOfVoters();
      const c = await socketOf(chair);
      const poll = await create(c, meetingId, { title: 'Bỏ phiếu kín song song', ...YNA, secret: true });
      ok(await emit(c, 'poll.open', { meetingId, idempotencyKey: key(), pollId: poll.id }));
      return { meetingId, pollId: poll.id };
    }

    it('keeps ballots unlinkable to voters at rest after close, and verifies against the log', async () => {
      const meetingId = await liveMeetingOfVoters();
      const c = await socketOf(chair);
      // Twelve options, each voter marks a different pair: every ballot is recognisable, so the
      // test can tell the cast order from the stored order.
      const poll = await create(c, meetingId, {
        title: 'Bầu Ủy ban kiểm tra',
        kind: 'election',
        secret: true,
        seats: 2,
        options: voters.map((_, i) => ({ label: `Ứng viên ${i + 1}` })),
        rule: { kind: 'more_than_half_present' },
      });
      expect(
        await emit(c, 'poll.create', {
          meetingId,
          idempotencyKey: key(),
          title: 'x',
          ...YNA,
          secret: true,
          showLiveTally: true,
        }),
      ).toEqual(refusedWith('VALIDATION_FAILED'));
      const progress: PollProgress[] = [];
      c.on('poll.progress', (p) => progress.push(p));
      ok(await emit(c, 'meeting.join', { meetingId }));
      ok(await emit(c, 'poll.open', { meetingId, idempotencyKey: key(), pollId: poll.id }));

      const boxPath = await relationPath('poll_ballot_box');
      const castOrder: string[] = [];
      const receipts: string[] = [];
      for (let i = 0; i < voters.length; i++) {
        const choices = [`o${i + 1}`, `o${((i + 1) % 12) + 1}`].sort(
          (a, b) => Number(a.slice(1)) - Number(b.slice(1)),
        );
        const s = await socketOf(voters[i]);
        const k = key();
        const r = ok(
          await emit(s, 'poll.cast', { meetingId, pollId: poll.id, idempotencyKey: k, choices }),
        ) as PollCastResult;
        receipts.push(r.receipt);
        castOrder.push(JSON.stringify(choices));
        // a retry counts once
        expect(
          ok(await emit(s, 'poll.cast', { meetingId, pollId: poll.id, idempotencyKey: k, choices })),
        ).toEqual(r);
      }
      expect(await cast(await socketOf(voters[0]), meetingId, poll.id, ['o5'])).toEqual(
        refusedWith('ALREADY_VOTED'),
      );
      const mine = ok(
        await emit(await socketOf(voters[0]), 'poll.mine', { meetingId, pollId: poll.id }),
      ) as PollMine;
      expect(mine.entitlements).toEqual([{ userId: voters[0].id, cast: true, receipt: null, choices: null }]);

      // Another secret poll, open at the same time, with two ballots.
      const other = await create(c, meetingId, { title: 'Biểu quyết kín khác', ...YNA, secret: true });
      ok(await emit(c, 'poll.open', { meetingId, idempotencyKey: key(), pollId: other.id }));
      ok(await cast(await socketOf(voters[0]), meetingId, other.id, ['yes']));
      ok(await cast(await socketOf(voters[1]), meetingId, other.id, ['no']));

      // While open, PostgreSQL links a ballot to its voter by the transaction id (documented in
      // docs/voting.md): this is what close must undo.
      const openLinks = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM poll_ballot_box b JOIN poll_secret_markers m
            ON m.poll_id = b.poll_id AND m.xmin::text = b.xmin::text WHERE b.poll_id = $1`,
        [poll.id],
      );
      expect(openLinks[0].n).toBe(12);
      await eventually(() =>
        expect(progress.filter((p) => p.pollId === poll.id).at(-1)).toMatchObject({ cast: 12, voters: 13 }),
      );
      expect(progress.every((p) => p.tally === undefined)).toBe(true);

      const closed = ok(
        await emit(c, 'poll.close', { meetingId, idempotencyKey: key(), pollId: poll.id }),
      ) as MeetingCommandResult;
      expect((closed.event as MeetingEventOf<'poll.closed'>).payload.result).toMatchObject({
        cast: 12,
        voters: 13,
        required: 7,
      });
      // The log of the cast says nothing of who voted what: no event per ballot, no receipt row.
      const logged = await t.dataSource.query(
        'SELECT payload::text AS p FROM meeting_events WHERE meeting_id = $1',
        [meetingId],
      );
      for (const r of receipts) expect(logged.some((e: { p: string }) => e.p.includes(r))).toBe(false);
      const cmdReceipts = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM command_receipts WHERE command = 'poll.cast'`,
      );
      expect(cmdReceipts[0].n).toBe(0);

      // After close: the box holds nothing of this poll, and its old files are gone (TRUNCATE in
      // the close's transaction gave it new ones); the other secret poll's ballots are still there.
      expect(await relationPath('poll_ballot_box')).not.toBe(boxPath);
      const oldFile = await t.dataSource.query(`SELECT (pg_stat_file($1, true)).size AS size`, [boxPath]);
      expect([null, '0', 0]).toContain(oldFile[0].size);
      const inBox = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM poll_ballot_box WHERE poll_id = $1',
        [poll.id],
      );
      expect(inBox[0].n).toBe(0);
      const otherBox: { xmin: string }[] = await t.dataSource.query(
        'SELECT xmin::text AS xmin FROM poll_ballot_box WHERE poll_id = $1',
        [other.id],
      );
      expect(otherBox).toHaveLength(2);
      const otherMarkers: { xmin: string }[] = await t.dataSource.query(
        'SELECT xmin::text AS xmin FROM poll_secret_markers WHERE poll_id = $1',
        [other.id],
      );
      // Put back by the close: their cast transaction ids are gone from the box too.
      expect(otherBox.some((b) => otherMarkers.some((m) => m.xmin === b.xmin))).toBe(false);
      const otherClosed = ok(
        await emit(c, 'poll.close', { meetingId, idempotencyKey: key(), pollId: other.id }),
      ) as MeetingCommandResult;
      expect(
        (otherClosed.event as MeetingEventOf<'poll.closed'>).payload.result.options.map((o) => o.count),
      ).toEqual([1, 1, 0]);
      expect((await verifyPoll(query(t), other.id))?.ok).toBe(true);

      // The sealed ballots share one transaction id (the close), none of a voter marker's.
      const sealed: { xmin: string; choices: string[]; receipt: string }[] = await t.dataSource.query(
        'SELECT xmin::text AS xmin, choices, receipt FROM poll_secret_ballots WHERE poll_id = $1 ORDER BY ctid',
        [poll.id],
      );
      const markers: { xmin: string }[] = await t.dataSource.query(
        'SELECT xmin::text AS xmin FROM poll_secret_markers WHERE poll_id = $1',
        [poll.id],
      );
      expect(sealed).toHaveLength(12);
      expect(new Set(sealed.map((b) => b.xmin)).size).toBe(1);
      expect(markers.some((mk) => mk.xmin === sealed[0].xmin)).toBe(false);
      expect(new Set(markers.map((mk) => mk.xmin)).size).toBe(12);
      // Their order on disk is not the cast order (a 1 in 12! chance that a shuffle keeps it).
      const diskOrder = sealed.map((b) => JSON.stringify(b.choices));
      expect(diskOrder.sort()).toEqual([...castOrder].sort());
      expect(sealed.map((b) => JSON.stringify(b.choices))).not.toEqual(castOrder);
      expect(sealed.map((b) => JSON.stringify(b.choices))).not.toEqual([...castOrder].reverse());
      // Nothing in the sealed table names a voter or a time.
      const columns = await t.dataSource.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name IN ('poll_secret_ballots','poll_ballot_box','poll_secret_markers') ORDER BY 1`,
      );
      expect([...new Set(columns.map((x: { column_name: string }) => x.column_name))].sort()).toEqual(
        ['choices', 'id', 'poll_id', 'position', 'receipt', 'user_id'].sort(),
      );

      // Receipts are published; each voter finds theirs counted; poll:verify recounts it.
      ok(await emit(c, 'poll.publish', { meetingId, idempotencyKey: key(), pollId: poll.id }));
      const snap = await snapshot(await socketOf(chair), meetingId);
      const published = snap.polls.items.find((p) => p.id === poll.id)!;
      expect(published.receipts).toEqual([...receipts].sort());
      expect(published.votes).toBeNull();
      for (const r of receipts.slice(0, 3)) {
        const res = await call<ReceiptCheck>(
          t,
          voters[0],
          'GET',
          `/meetings/${meetingId}/polls/${poll.id}/receipts/${r}`,
        );
        expect(expectStatus(res, 200).counted).toBe(true);
      }
      const verdict = await verifyPoll(query(t), poll.id);
      expect(verdict).toMatchObject({ ok: true });
      expect(verdict!.lines.every((l) => l.startsWith('OK'))).toBe(true);
      const cliBuilt = fs.existsSync(CLI);
      if (cliBuilt)
        expect(await runCli(poll.id)).toEqual({
          code: 0,
          out: expect.stringContaining(`VERIFIED ${poll.id}`),
        });
      else
        console.warn(
          `poll:verify CLI not built (${CLI}); run \`npx tsc -p apps/api/tsconfig.build.json\` to test it too`,
        );

      // Tampering with a stored ballot (someone with the database owner's rights) is caught.
      await t.dataSource.query(
        // (Always another ballot than the stored one: the shuffle puts voter 1's own ["o1","o2"] at
        // position 1 one time in twelve, and writing it again would change nothing.)
        `UPDATE poll_secret_ballots
            SET choices = CASE WHEN choices = '["o1","o2"]' THEN '["o1","o3"]' ELSE '["o1","o2"]' END::jsonb
          WHERE poll_id = $1 AND position = 1`,
        [poll.id],
      );
      const broken = await verifyPoll(query(t), poll.id);
      expect(broken?.ok).toBe(false);
      expect(broken?.lines.some((l) => l.startsWith('BROKEN') && l.includes('do not match the log'))).toBe(
        true,
      );
      await t.dataSource.query(
        `UPDATE poll_secret_ballots SET choices = $2 WHERE poll_id = $1 AND position = 1`,
        [poll.id, JSON.stringify(sealed[0].choices)],
      );

      // The results PDF, read back with pdftotext: Vietnamese diacritics, names, the receipts.
      const pdf = await fetch(`${t.url}/api/v1/meetings/${meetingId}/polls/${poll.id}/results.pdf`, {
        headers: { authorization: `Bearer ${chair.token}` },
      });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toContain('application/pdf');
      const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
      expect(text).toContain('KẾT QUẢ BIỂU QUYẾT');
      expect(text).toContain('Bầu Ủy ban kiểm tra');
      expect(text).toContain('Bỏ phiếu kín');
      expect(text).toContain('Quá nửa số đại biểu có mặt');
      expect(text).toContain(`Chủ trì: Đồng chí ${chair.username}`);
      expect(text).toContain(`Thư ký: Đồng chí ${secretary.username}`);
      for (const r of receipts) expect(text).toContain(r);
    });

    it('closes secret polls of two meetings at once while ballots still come in: every acknowledged ballot counted', async () => {
      const a = await meetingWithPoll();
      const b = await meetingWithPoll();
      for (const v of voters.slice(0, 6)) {
        ok(await cast(await socketOf(v), a.meetingId, a.pollId, ['yes']));
        ok(await cast(await socketOf(v), b.meetingId, b.pollId, ['no']));
      }
      const c = await socketOf(chair);
      const late = voters.slice(6).flatMap((v) => [
        socketOf(v)
          .then((s) => cast(s, a.meetingId, a.pollId, ['yes']))
          .then((ack) => ({ poll: a.pollId, ack })),
        socketOf(v)
          .then((s) => cast(s, b.meetingId, b.pollId, ['no']))
          .then((ack) => ({ poll: b.pollId, ack })),
      ]);
      const [closeA, closeB, ...casts] = await Promise.all([
        emit(c, 'poll.close', { meetingId: a.meetingId, idempotencyKey: key(), pollId: a.pollId }),
        emit(c, 'poll.close', { meetingId: b.meetingId, idempotencyKey: key(), pollId: b.pollId }),
        ...late,
      ]);
      for (const x of casts) {
        if (!x.ack.ok) expect(x.ack.error.code).toBe('POLL_NOT_OPEN');
      }
      const counted = (closed: typeof closeA) =>
        ((ok(closed) as MeetingCommandResult).event as MeetingEventOf<'poll.closed'>).payload.result.cast;
      expect(counted(closeA)).toBe(6 + casts.filter((x) => x.poll === a.pollId && x.ack.ok).length);
      expect(counted(closeB)).toBe(6 + casts.filter((x) => x.poll === b.pollId && x.ack.ok).length);
      expect((await verifyPoll(query(t), a.pollId))?.ok).toBe(true);
      expect((await verifyPoll(query(t), b.pollId))?.ok).toBe(true);
    });

    it('closes while a cast holds the box and has yet to lock the poll row, without a deadlock', async () => {
      // A cast in one statement locks the box's table when the statement starts and the poll row
      // after. Here a transaction holds the box as such a cast does, the close starts and waits, and
      // then the "cast" asks for the row: with the close holding the row while it waits for the box,
      // PostgreSQL found a deadlock and failed one of the two (the close, in CI: INTERNAL_ERROR).
      const { meetingId, pollId } = await meetingWithPoll();
      const cast = t.dataSource.createQueryRunner();
      await cast.connect();
      try {
        await cast.startTransaction();
        await cast.query('LOCK TABLE poll_ballot_box IN ROW EXCLUSIVE MODE');
        const c = await socketOf(chair);
        const closing = emit(c, 'poll.close', { meetingId, idempotencyKey: key(), pollId });
        await eventually(async () => {
          const waiting: unknown[] = await t.dataSource.query(
            `SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'poll_ballot_box'::regclass`,
          );
          expect(waiting).toHaveLength(1);
        });
        const row: { status: string }[] = await cast.query(
          'SELECT status FROM polls WHERE id = $1 FOR SHARE',
          [pollId],
        );
        expect(row[0].status).toBe('open'); // the close has not passed the cast
        await cast.commitTransaction();
        const closed = (ok(await closing) as MeetingCommandResult).event as MeetingEventOf<'poll.closed'>;
        expect(closed.payload.pollId).toBe(pollId);
      } finally {
        if (cast.isTransactionActive) await cast.rollbackTransaction();
        await cast.release();
      }
    });
  });

  it('refuses the results PDF before close, and to a delegate before publishing', async () => {
    const meetingId = await liveMeeting();
    const c = await socketOf(chair);
    const poll = await create(c, meetingId, { title: 'Kết quả', ...YNA });
    const pdf = (who: Person) => call(t, who, 'GET', `/meetings/${meetingId}/polls/${poll.id}/results.pdf`);
    expect(errorCode(await pdf(chair))).toBe('POLL_NOT_CLOSED');
    ok(await emit(c, 'poll.open', { meetingId, idempotencyKey: key(), pollId: poll.id }));
    ok(await cast(await socketOf(d[0]), meetingId, poll.id, ['yes']));
    ok(await emit(c, 'poll.close', { meetingId, idempotencyKey: key(), pollId: poll.id }));
    expect(errorCode(await pdf(d[1]))).toBe('POLL_NOT_CLOSED');
    expect(errorCode(await pdf(outsider))).toBe('MEETING_NOT_FOUND');
    ok(await emit(c, 'poll.publish', { meetingId, idempotencyKey: key(), pollId: poll.id }));
    const res = await fetch(`${t.url}/api/v1/meetings/${meetingId}/polls/${poll.id}/results.pdf`, {
      headers: { authorization: `Bearer ${d[1].token}` },
    });
    expect(res.status).toBe(200);
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('Tán thành: 1 phiếu');
    expect(text).toContain(`Đồng chí ${d[0].username}: Tán thành`);
    expect(text).toContain('Kết quả: KHÔNG THÔNG QUA');
  });

  it('closes a poll with a timer when its time is up (on the log as byTimer)', async () => {
    const meetingId = await liveMeeting();
    const c = await socketOf(chair);
    const seen = recordEvents(c);
    ok(await emit(c, 'meeting.join', { meetingId }));
    const poll = await create(c, meetingId, { title: 'Có giới hạn thời gian', ...YNA, durationSeconds: 10 });
    const opened = ok(
      await emit(c, 'poll.open', { meetingId, idempotencyKey: key(), pollId: poll.id }),
    ) as MeetingCommandResult;
    const { openedAt, closesAt } = (opened.event as MeetingEventOf<'poll.opened'>).payload;
    expect(Date.parse(closesAt!) - Date.parse(openedAt)).toBe(10_000);
    ok(await cast(await socketOf(d[0]), meetingId, poll.id, ['yes']));
    await eventually(() => expect(seen.some((e) => e.type === 'poll.closed')).toBe(true), 20_000);
    const closed = seen.find((e) => e.type === 'poll.closed') as MeetingEventOf<'poll.closed'>;
    expect(closed.payload).toMatchObject({ byTimer: true, result: { cast: 1 } });
    expect(Date.parse(closed.at)).toBeGreaterThanOrEqual(Date.parse(closesAt!));
    expect(await cast(await socketOf(d[1]), meetingId, poll.id, ['yes'])).toEqual(
      refusedWith('POLL_NOT_OPEN'),
    );
  }, 40_000);

  it('deletes drafts only, and removes them from every screen', async () => {
    const meetingId = await liveMeeting();
    const c = await socketOf(chair);
    const seen = recordEvents(c);
    ok(await emit(c, 'meeting.join', { meetingId }));
    const a = await create(c, meetingId, { title: 'Nháp', ...YNA });
    ok(await emit(c, 'poll.delete', { meetingId, idempotencyKey: key(), pollId: a.id }));
    expect(await emit(c, 'poll.delete', { meetingId, idempotencyKey: key(), pollId: a.id })).toEqual(
      refusedWith('POLL_NOT_FOUND'),
    );
    const b = await create(c, meetingId, { title: 'Đã mở', ...YNA });
    ok(await emit(c, 'poll.open', { meetingId, idempotencyKey: key(), pollId: b.id }));
    expect(await emit(c, 'poll.delete', { meetingId, idempotencyKey: key(), pollId: b.id })).toEqual(
      refusedWith('POLL_NOT_DRAFT'),
    );
    await eventually(() => expect(seen.map((e: MeetingEvent) => e.type)).toContain('poll.opened'));
    const snap = await snapshot(c, meetingId);
    expect(snap.polls.items.map((p) => p.id)).toEqual([b.id]);
  });

  // ---- helpers ----

  function query(app: TestApp) {
    return async <T>(sql: string, params: unknown[]) => (await app.dataSource.query(sql, params)) as T[];
  }

  function runCli(pollId: string): Promise<{ code: number; out: string }> {
    return new Promise((resolve) => {
      execFile(
        'node',
        [CLI, pollId],
        { env: { ...process.env, DATABASE_URL: t.db.url } },
        (err, stdout, stderr) =>
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
      );
    });
  }

  async function relationPath(table: string): Promise<string> {
    const rows = await t.dataSource.query('SELECT pg_relation_filepath($1::regclass) AS p', [table]);
    return rows[0].p;
  }
});

/** The text of a PDF, by poppler's pdftotext (installed on the machine and in CI). */
function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'poll-pdf-'));
  try {
    const file = path.join(dir, 'r.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
