import type {
  Ack,
  AgendaItem,
  ClientToServerEvents,
  ErrorCode,
  Meeting,
  MeetingEvent,
  MeetingRole,
  MeetingRosterResponse,
  MeetingSnapshot,
  ServerToClientEvents,
  SystemRole,
} from '@phonghop/common';
import { applyPresenceDelta, type PresenceChanged, withRoster } from '@phonghop/common';
import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import { insertUser, signIn } from './identity-helpers';
import type { TestApp } from './test-app';

/** Helpers for the meetings integration tests: real HTTP, real sign-in, real socket.io clients. */

export interface Person {
  id: string;
  username: string;
  token: string;
}

/**
 * Creates an account in the database and signs it in through POST /auth/login. It may organise
 * meetings unless `canOrganise: false` (the tests of that permission say so explicitly).
 */
export async function person(
  t: TestApp,
  username: string,
  systemRole: SystemRole = 'member',
  options: { canOrganise?: boolean } = {},
): Promise<Person> {
  const user = await insertUser(t.dataSource, {
    username,
    systemRole,
    fullName: `Đồng chí ${username}`,
    canOrganise: options.canOrganise ?? true,
  });
  const { accessToken } = await signIn(t.url, username, user.password);
  return { id: user.id, username, token: accessToken };
}

export interface Res<T = unknown> {
  status: number;
  body: T;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export async function call<T = unknown>(
  t: { url: string },
  who: Person | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Res<T>> {
  const h: Record<string, string> = { ...headers };
  if (who) h.authorization = `Bearer ${who.token}`;
  if (body !== undefined) h['content-type'] = 'application/json';
  const res = await fetch(`${t.url}/api/v1${path}`, {
    method,
    headers: h,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON (e.g. .ics) */
  }
  return { status: res.status, body: parsed as T };
}

/** Throws unless the status is the expected one (keeps tests short and failures readable). */
export function expectStatus<T>(res: Res<T>, status: number): T {
  if (res.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

export const errorCode = (res: Res<unknown>) => (res.body as ErrorBody | undefined)?.error?.code;

export async function createMeeting(
  t: TestApp,
  secretary: Person,
  over: Record<string, unknown> = {},
): Promise<Meeting> {
  const res = await call<Meeting>(t, secretary, 'POST', '/meetings', {
    title: 'Hội nghị Ban Chấp hành',
    kind: 'party_committee',
    organizerUnit: 'Đảng ủy phường Vĩnh Phúc',
    startsAt: '2026-12-15T08:00:00+07:00',
    endsAt: '2026-12-15T11:30:00+07:00',
    location: 'Hội trường tầng 3',
    online: false,
    ...over,
  });
  return expectStatus(res, 201);
}

export async function addParticipant(
  t: TestApp,
  by: Person,
  meetingId: string,
  who: Person,
  role: MeetingRole,
) {
  return expectStatus(
    await call(t, by, 'POST', `/meetings/${meetingId}/participants`, { userId: who.id, role }),
    201,
  );
}

export async function addItem(t: TestApp, by: Person, meetingId: string, title: string): Promise<AgendaItem> {
  return expectStatus(await call<AgendaItem>(t, by, 'POST', `/meetings/${meetingId}/agenda`, { title }), 201);
}

/** Moves a meeting along; going live confirms starting without quorum (these tests take no attendance). */
export async function transition(t: TestApp, by: Person, meetingId: string, to: string): Promise<Meeting> {
  const body = to === 'live' ? { to, confirmNoQuorum: true } : { to };
  return expectStatus(await call<Meeting>(t, by, 'POST', `/meetings/${meetingId}/transitions`, body), 200);
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket.io client as the web app makes it (websocket only), connected. */
export function connect(baseUrl: string, who: Person): Promise<TestSocket> {
  const socket: TestSocket = io(baseUrl, {
    auth: { token: who.token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 10_000,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Sends a command and waits for its ack. */
export async function emit<E extends keyof ClientToServerEvents>(
  socket: TestSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]> {
  // socket.io's typed emitWithAck cannot follow our generic event map; the cast names what comes back.
  const send = socket.timeout(10_000).emitWithAck as unknown as (e: string, p: unknown) => Promise<unknown>;
  return (await send.call(socket, event, payload)) as Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
}

export function ok<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`command refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

export const key = () => randomUUID();

/** Calls `handler` for every meeting event a socket receives, alone or in a `meeting.events` batch. */
export function onMeetingEvents(socket: TestSocket, handler: (event: MeetingEvent) => void): void {
  socket.on('meeting.event', handler);
  socket.on('meeting.events', (events) => events.forEach(handler));
}

/** Records every meeting event a socket receives. */
export function recordEvents(socket: TestSocket): MeetingEvent[] {
  const seen: MeetingEvent[] = [];
  onMeetingEvents(socket, (e) => seen.push(e));
  return seen;
}

/** Polls until `check` passes (for things that arrive asynchronously); no fixed sleeps. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

/** Gives in-flight socket messages a chance to arrive (used only before asserting that nothing did). */
export async function settle(t: { url: string }, socket: TestSocket): Promise<void> {
  // A round trip on the same socket: anything the server sent before answering has arrived.
  await emit(socket, 'system.ping', {});
  void t;
}

/**
 * Enters a meeting's room as the web does: `meeting.join` for the room's state, then the roster
 * (GET /meetings/:id/roster) for its participants, put together into the full snapshot.
 */
export async function joinRoom(
  t: { url: string },
  socket: TestSocket,
  who: Person,
  meetingId: string,
): Promise<MeetingSnapshot> {
  const joined = ok(await emit(socket, 'meeting.join', { meetingId }));
  if (joined.kind !== 'snapshot') throw new Error(`expected a snapshot, got ${joined.kind}`);
  return withRoster(joined.snapshot, await roster(t, who, meetingId));
}

/** The meeting's participants as GET /meetings/:id/roster answers them. */
export async function roster(
  t: { url: string },
  who: Person,
  meetingId: string,
): Promise<MeetingRosterResponse['participants']> {
  return expectStatus(await call<MeetingRosterResponse>(t, who, 'GET', `/meetings/${meetingId}/roster`), 200)
    .participants;
}

/**
 * Watches who is in a joined room (`presence.watch`) as the web's presence screens do: the list the
 * answer carries, with every `presence.changed` delta since applied on top. Returns the live list.
 */
export async function watchPresence(socket: TestSocket, meetingId: string): Promise<() => string[]> {
  const deltas: PresenceChanged[] = [];
  socket.on('presence.changed', (p) => p.meetingId === meetingId && deltas.push(p));
  const { online } = ok(await emit(socket, 'presence.watch', { meetingId }));
  return () => deltas.reduce((list, d) => applyPresenceDelta(list, d), online);
}
