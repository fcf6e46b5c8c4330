import type {
  Ack,
  MeetingCommandResult,
  MeetingEvent,
  MeetingEventOf,
  MeetingJoinResult,
  Poll,
  PollCastResult,
  PollDefinitionInput,
} from '@phonghop/common';
import type { TestApp } from '../test-app';
import {
  addParticipant,
  connect,
  createMeeting,
  emit,
  key,
  ok,
  onMeetingEvents,
  Person,
  person,
  TestSocket,
  transition,
} from '../meetings-kit';

/**
 * Helpers for the voting proofs (issue 9): a live meeting whose delegates are present (so they
 * are voters when a poll opens), one absent delegate whose proxy a present one holds, and a guest
 * (never a voter). Everything goes through the public commands, as the product's screens do.
 */

export interface VotingMeeting {
  meetingId: string;
  secretary: Person;
  chair: Person;
  /** Present delegates (checked in on their own socket). */
  delegates: Person[];
  /** Absent, with a proxy held by `delegates[0]` (only when `withProxy`). */
  absent: Person | null;
  guest: Person;
}

/**
 * One right to one ballot: `holder` casts it, for themself or (`proxyFor`) for an absent member.
 * `userId` is whose vote it is.
 */
export interface Entitlement {
  holder: Person;
  userId: string;
  proxyFor?: string;
}

export function entitlements(m: VotingMeeting): Entitlement[] {
  const own = m.delegates.map((d) => ({ holder: d, userId: d.id }));
  return m.absent ? [...own, { holder: m.delegates[0], userId: m.absent.id, proxyFor: m.absent.id }] : own;
}

/** Builds the meeting on `t` (any node: they share the database). */
export async function votingMeeting(
  t: TestApp,
  name: string,
  options: { delegates: number; withProxy: boolean },
): Promise<VotingMeeting> {
  const [secretary, chair, guest, ...delegates] = await Promise.all([
    person(t, `thuky-${name}`),
    person(t, `chutri-${name}`),
    person(t, `khach-${name}`),
    ...Array.from({ length: options.delegates + (options.withProxy ? 1 : 0) }, (_, i) =>
      person(t, `daibieu-${name}-${i}`),
    ),
  ]);
  const absent = options.withProxy ? delegates.pop()! : null;
  const m = await createMeeting(t, secretary, { title: `Biểu quyết ${name}` });
  await addParticipant(t, secretary, m.id, chair, 'chair');
  await addParticipant(t, secretary, m.id, guest, 'guest');
  for (const d of [...delegates, ...(absent ? [absent] : [])]) {
    await addParticipant(t, secretary, m.id, d, 'delegate');
  }
  await transition(t, secretary, m.id, 'scheduled');
  await transition(t, chair, m.id, 'live');

  const secretarySocket = await connect(t.url, secretary);
  try {
    for (const who of [...delegates, guest]) {
      const s = await connect(t.url, who);
      ok(await emit(s, 'attendance.checkIn', { meetingId: m.id, idempotencyKey: key() }));
      s.close();
    }
    if (absent) {
      ok(
        await emit(secretarySocket, 'attendance.configure', {
          meetingId: m.id,
          idempotencyKey: key(),
          proxiesAllowed: true,
        }),
      );
      ok(
        await emit(secretarySocket, 'attendance.mark', {
          meetingId: m.id,
          idempotencyKey: key(),
          userId: absent.id,
          status: 'absent',
          absenceReason: 'business_trip',
        }),
      );
      ok(
        await emit(secretarySocket, 'attendance.setProxy', {
          meetingId: m.id,
          idempotencyKey: key(),
          fromUserId: absent.id,
          toUserId: delegates[0].id,
        }),
      );
    }
  } finally {
    secretarySocket.close();
  }
  return { meetingId: m.id, secretary, chair, delegates, absent, guest };
}

/** A socket of `who` on `node`, joined to the meeting. */
export async function joined(node: { url: string }, who: Person, meetingId: string): Promise<TestSocket> {
  const s = await connect(node.url, who);
  ok(await emit(s, 'meeting.join', { meetingId }));
  return s;
}

/** The chair creates a poll (draft) and opens it; returns its id. */
export async function openPoll(
  chairSocket: TestSocket,
  meetingId: string,
  definition: Partial<PollDefinitionInput> = {},
): Promise<string> {
  const created = ok(
    await emit(chairSocket, 'poll.create', {
      meetingId,
      idempotencyKey: key(),
      title: 'Thông qua dự thảo nghị quyết',
      kind: 'yes_no_abstain',
      secret: false,
      rule: { kind: 'more_than_half_present' },
      ...definition,
    }),
  ) as MeetingCommandResult;
  const pollId = (created.event as MeetingEventOf<'poll.created'>).payload.poll.id;
  ok(
    await emit(chairSocket, 'poll.open', { meetingId, idempotencyKey: key(), pollId, confirmNoQuorum: true }),
  );
  return pollId;
}

export interface CastPayload {
  meetingId: string;
  pollId: string;
  idempotencyKey: string;
  choices: string[];
  proxyFor?: string;
}

export function castPayload(
  meetingId: string,
  pollId: string,
  e: Entitlement,
  choice: string,
  idempotencyKey = key(),
): CastPayload {
  return {
    meetingId,
    pollId,
    idempotencyKey,
    choices: [choice],
    ...(e.proxyFor ? { proxyFor: e.proxyFor } : {}),
  };
}

/** Sends a cast; a lost connection or a timeout comes back as `{ ok: false }` with code `NO_ACK`. */
export async function cast(socket: TestSocket, payload: CastPayload): Promise<Ack<PollCastResult> | NoAck> {
  try {
    return await emit(socket, 'poll.cast', payload);
  } catch (err) {
    return { ok: false, error: { code: 'NO_ACK', message: (err as Error).message } };
  }
}

/** Sends a cast that must be acknowledged; returns its result. */
export async function castOk(socket: TestSocket, payload: CastPayload): Promise<PollCastResult> {
  const ack = await cast(socket, payload);
  if (!ack.ok) throw new Error(`cast refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/**
 * Closes sockets, then lets the nodes finish what a disconnect starts (the presence broadcast is
 * coalesced over up to 2 s and asks every node) before the caller closes them, so nothing is sent
 * through an already closed Redis client.
 */
export async function closeSockets(sockets: { close(): unknown }[], settleMs = 2500): Promise<void> {
  for (const s of sockets) s.close();
  await new Promise((r) => setTimeout(r, settleMs));
}

export interface NoAck {
  ok: false;
  error: { code: 'NO_ACK'; message: string };
}

/** The poll as the meeting snapshot shows it to a fresh join on `node`. */
export async function pollInSnapshot(
  node: { url: string },
  who: Person,
  meetingId: string,
  pollId: string,
): Promise<Poll> {
  const s = await connect(node.url, who);
  try {
    const join = ok(await emit(s, 'meeting.join', { meetingId })) as MeetingJoinResult;
    if (join.kind !== 'snapshot') throw new Error('expected a snapshot');
    const poll = join.snapshot.polls.items.find((p) => p.id === pollId);
    if (!poll) throw new Error(`poll ${pollId} is not in the snapshot`);
    return poll;
  } finally {
    s.close();
  }
}

/** Records the `poll.closed` events a socket receives. */
export function recordClosed(socket: TestSocket): MeetingEventOf<'poll.closed'>[] {
  const seen: MeetingEventOf<'poll.closed'>[] = [];
  onMeetingEvents(socket, (e: MeetingEvent) => {
    if (e.type === 'poll.closed') seen.push(e);
  });
  return seen;
}
