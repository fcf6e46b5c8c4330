import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import type { Ack, MeetingCommandResult, MeetingEvent } from '@phonghop/common';
import { createUsersWithTokens, OursServer } from './ours-server';
import type { VoteTarget } from './vote-target';

/** Participant additions in flight at once during the set-up. */
const ADD_CONCURRENCY = 8;

async function rest<T>(server: OursServer, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** Sends a command on the organiser's socket and returns its data, or throws with the refusal. */
async function command<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const ack = (await socket.timeout(30_000).emitWithAck(event, payload)) as Ack<T>;
  if (!ack.ok) throw new Error(`${event}: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/**
 * Our product as the vote-storm target: a live meeting of `voters` delegates built through the
 * public REST API; each delegate checks in on its own socket (so is present, hence a voter when the
 * poll opens); the organiser (a system admin, so chair-capable) creates and opens a yes/no/abstain
 * poll, secret unless `named`, and closes it. Every cast goes through `poll.cast` as the tablet
 * sends it; the final result is the `poll.closed` meeting event. Audit: the receipts published with
 * the poll (`poll.publish`).
 */
export async function startOursVoteTarget(
  server: OursServer,
  voters: number,
  options: { named: boolean },
): Promise<VoteTarget> {
  const [organiser] = await createUsersWithTokens(server, 1, 'vote-organiser-', 'admin');
  const delegates = await createUsersWithTokens(server, voters, 'vote-delegate-');
  const now = Date.now();
  const meeting = await rest<{ id: string }>(server, organiser.token, 'POST', '/meetings', {
    title: 'Biểu quyết thử tải',
    kind: 'people_committee',
    startsAt: new Date(now).toISOString(),
    endsAt: new Date(now + 3_600_000).toISOString(),
    location: 'Hội trường',
  });
  process.stderr.write(`  ours: adding ${voters} delegates\n`);
  const addStart = Date.now();
  // As a secretary's tool importing a list would: several requests in flight (each is a command
  // of the meeting and they queue on its lock server-side, but the HTTP, auth and parsing of the
  // next overlap with the database work of the current one). One at a time took minutes on a
  // loaded machine.
  let next = 0;
  const lane = async () => {
    while (next < delegates.length) {
      const d = delegates[next++];
      await rest(server, organiser.token, 'POST', `/meetings/${meeting.id}/participants`, {
        userId: d.id,
        role: 'delegate',
      });
    }
  };
  await Promise.all(Array.from({ length: ADD_CONCURRENCY }, lane));
  process.stderr.write(`  ours: added ${voters} delegates in ${Date.now() - addStart} ms\n`);
  await rest(server, organiser.token, 'POST', `/meetings/${meeting.id}/transitions`, { to: 'scheduled' });
  await rest(server, organiser.token, 'POST', `/meetings/${meeting.id}/transitions`, {
    to: 'live',
    confirmNoQuorum: true,
  });

  const socket = io(server.url, { transports: ['websocket'], auth: { token: organiser.token } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  await command(socket, 'meeting.join', { meetingId: meeting.id });
  let pollId = '';
  const meetingId = meeting.id;

  return {
    name: 'ours',
    url: server.url,
    tokens: delegates.map((d) => d.token),
    joinEvent: 'meeting.join',
    joinPayload: { meetingId },
    prepare: {
      event: 'attendance.checkIn',
      payloads: delegates.map(() => ({ meetingId, idempotencyKey: randomUUID() })),
    },
    options: ['yes', 'no', 'abstain'],
    open: async () => {
      const created = await command<MeetingCommandResult>(socket, 'poll.create', {
        meetingId,
        idempotencyKey: randomUUID(),
        title: 'Thông qua nghị quyết (thử tải)',
        kind: 'yes_no_abstain',
        secret: !options.named,
        rule: { kind: 'more_than_half_present' },
      });
      pollId = (created.event as Extract<MeetingEvent, { type: 'poll.created' }>).payload.poll.id;
      await command(socket, 'poll.open', {
        meetingId,
        idempotencyKey: randomUUID(),
        pollId,
        confirmNoQuorum: true,
      });
    },
    castEvent: 'poll.cast',
    castPayload: (_i, option, idempotencyKey) => ({ meetingId, pollId, idempotencyKey, choices: [option] }),
    resultEvent: 'meeting.event',
    resultType: 'poll.closed',
    close: async () => {
      await command(socket, 'poll.close', { meetingId, idempotencyKey: randomUUID(), pollId });
    },
    countsOf: (json) => {
      const closed = JSON.parse(json) as Extract<MeetingEvent, { type: 'poll.closed' }>['payload'];
      return Object.fromEntries(closed.result.options.map((o) => [o.optionId, o.count]));
    },
    audit: async (receipts) => {
      const published = await command<MeetingCommandResult>(socket, 'poll.publish', {
        meetingId,
        idempotencyKey: randomUUID(),
        pollId,
      });
      const stored = (published.event as Extract<MeetingEvent, { type: 'poll.published' }>).payload.receipts;
      const held = new Set(stored);
      const acked = new Set(receipts);
      return {
        missing: [...acked].filter((r) => !held.has(r)).length,
        // Every stored ballot beyond the acknowledged ones (a receipt listed twice included).
        extra: stored.length - [...acked].filter((r) => held.has(r)).length,
      };
    },
    stop: async () => {
      socket.disconnect();
    },
  };
}
