import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@phonghop/common';
import { createUsersWithTokens, OursServer, startOursServer } from './ours-server';
import type { BenchTarget } from './target';

type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export async function rest<T>(
  server: OursServer,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/**
 * Our product as a bench target: a live meeting with `clients` delegates, built through the
 * public REST API; the chair publishes through the real socket command `agenda.update`, so every
 * event goes through validation, permission, the PostgreSQL transaction with the hash-chained
 * event log, and the broadcast after commit.
 */
export async function startOursTarget(clients: number): Promise<BenchTarget> {
  // The chair publishes far faster than a person could (that is the measurement): lift the
  // per-socket write limit and the meeting's queue bound for this bench only.
  const server = await startOursServer({
    SOCKET_WRITE_PER_SECOND: '1000000',
    MEETING_COMMAND_QUEUE: '1000000',
  });
  const { meeting, item, chair, delegates } = await buildBenchMeeting(server, clients);

  const chairSocket: AppSocket = io(server.url, { transports: ['websocket'], auth: { token: chair.token } });
  await new Promise<void>((resolve, reject) => {
    chairSocket.once('connect', () => resolve());
    chairSocket.once('connect_error', reject);
  });
  const joined = (await chairSocket.emitWithAck('meeting.join', { meetingId: meeting.id })) as Ack<unknown>;
  if (!joined.ok) throw new Error(`chair join failed: ${joined.error.code}`);

  // The roster a client fetches after a snapshot join (GET /meetings/:id/roster; kept with its
  // ETag, so a rejoin usually gets a bodyless 304).
  const rosterRes = await fetch(`${server.url}/api/v1/meetings/${meeting.id}/roster`, {
    headers: { authorization: `Bearer ${delegates[0].token}`, 'accept-encoding': 'gzip' },
  });
  if (!rosterRes.ok) throw new Error(`roster: HTTP ${rosterRes.status}`);
  // What travels (gzipped), and what the client parses (fetch has unzipped it).
  const sideWireBytes = Number(rosterRes.headers.get('content-length'));
  const sideBytes = Buffer.byteLength(await rosterRes.text());

  return {
    name: 'ours',
    sideBytes,
    sideWireBytes,
    url: server.url,
    serverPid: server.pid,
    tokens: delegates.map((d) => d.token),
    joinEvent: 'meeting.join',
    joinPayload: { meetingId: meeting.id },
    eventName: 'meeting.event',
    publish: async (id, sentAt) => {
      const ack = (await chairSocket.timeout(30_000).emitWithAck('agenda.update', {
        meetingId: meeting.id,
        idempotencyKey: randomUUID(),
        itemId: item.id,
        title: `bench:${sentAt}:${id}`,
      })) as Ack<unknown>;
      if (!ack.ok) throw new Error(ack.error.code);
    },
    close: async () => {
      chairSocket.disconnect();
      await server.stop();
    },
  };
}

/**
 * A live meeting with `clients` delegates and one agenda item, built through the public REST API
 * (every participant an event of the log), chaired by an admin.
 */
export async function buildBenchMeeting(server: OursServer, clients: number) {
  const [chair] = await createUsersWithTokens(server, 1, 'bench-chair-', 'admin');
  const delegates = await createUsersWithTokens(server, clients, 'bench-delegate-');
  const now = Date.now();
  const meeting = await rest<{ id: string }>(server, chair.token, 'POST', '/meetings', {
    title: 'Benchmark meeting',
    kind: 'people_committee',
    startsAt: new Date(now).toISOString(),
    endsAt: new Date(now + 3_600_000).toISOString(),
    location: 'Hội trường',
  });
  // Added through the API (each an event of the log); a few at a time, they queue on the meeting's lock.
  let next = 0;
  const addNext = async (): Promise<void> => {
    while (next < delegates.length) {
      const d = delegates[next++];
      await rest(server, chair.token, 'POST', `/meetings/${meeting.id}/participants`, {
        userId: d.id,
        role: 'delegate',
      });
    }
  };
  await Promise.all(Array.from({ length: 4 }, addNext));
  const item = await rest<{ id: string }>(server, chair.token, 'POST', `/meetings/${meeting.id}/agenda`, {
    title: 'Bench item',
    plannedMinutes: 10,
  });
  await rest(server, chair.token, 'POST', `/meetings/${meeting.id}/transitions`, { to: 'scheduled' });
  await rest(server, chair.token, 'POST', `/meetings/${meeting.id}/transitions`, {
    to: 'live',
    confirmNoQuorum: true,
  });

  return { meeting, item, chair, delegates };
}
