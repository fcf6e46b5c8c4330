import type { MeetingCommandResult, MeetingDetail, MeetingEvent } from '@phonghop/common';
import { MeetingEventStream } from '@phonghop/common';
import { startTestApp, TestApp } from '../../../test/test-app';
import {
  addItem,
  addParticipant,
  call,
  connect,
  createMeeting,
  emit,
  eventually,
  expectStatus,
  joinRoom,
  key,
  ok,
  Person,
  person,
  TestSocket,
  transition,
  watchPresence,
} from '../../../test/meetings-kit';
import { REDIS_URL, redisSkipReason } from '../../../test/redis-probe';

/**
 * Two API nodes on one PostgreSQL, joined by the socket.io Redis adapter (REDIS_URL). Skipped,
 * saying why, when REDIS_URL is unset or Redis does not answer.
 */
const skipReason = redisSkipReason();
if (skipReason) console.warn(`Skipping the two-node tests: ${skipReason}.`);
const describeWithRedis = skipReason ? describe.skip : describe;

describeWithRedis('two API nodes with the Redis adapter', () => {
  let node1: TestApp;
  let node2: TestApp;
  let secretary: Person;
  let chair: Person;
  let delegates: Person[];
  let meetingId: string;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    node1 = await startTestApp({ env: { REDIS_URL: REDIS_URL! } });
    node2 = await startTestApp({ env: { REDIS_URL: REDIS_URL! }, db: node1.db });
    [secretary, chair, ...delegates] = await Promise.all([
      person(node1, 'thuky-cum'),
      person(node1, 'chutri-cum'),
      ...[1, 2, 3, 4].map((i) => person(node2, `daibieu-cum-${i}`)),
    ]);
    const m = await createMeeting(node1, secretary, { title: 'Họp hai máy chủ' });
    meetingId = m.id;
    await addParticipant(node1, secretary, m.id, chair, 'chair');
    for (const d of delegates) await addParticipant(node2, secretary, m.id, d, 'delegate');
    for (const title of ['Một', 'Hai', 'Ba']) await addItem(node2, secretary, m.id, title);
    await transition(node1, secretary, m.id, 'scheduled');
    await transition(node2, chair, m.id, 'live');
  }, 60_000);

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await node2?.close();
    await node1?.close();
  });

  it('delivers every event to clients on both nodes in the same seq order', async () => {
    const clients = await Promise.all(
      delegates.flatMap((d) => [node1, node2].map((node) => connect(node.url, d))),
    );
    sockets.push(...clients);
    const received = clients.map(() => [] as MeetingEvent[]);
    const streams: MeetingEventStream[] = [];
    const order = clients.map(() => [] as number[]);
    clients.forEach((s, i) =>
      s.on('meeting.event', (e) => {
        received[i].push(e);
        const before = streams[i].seq;
        streams[i].receive(e);
        for (let seq = before + 1; seq <= streams[i].seq; seq += 1) order[i].push(seq);
      }),
    );
    for (const [i, s] of clients.entries()) {
      // Client i is delegate i/2 on node 1 or 2 (flatMap above); it reads the roster from its node.
      const node = i % 2 === 0 ? node1 : node2;
      streams[i] = new MeetingEventStream(await joinRoom(node, s, delegates[Math.floor(i / 2)], meetingId));
    }
    const start = streams[0].seq;

    // The chair drives from node 1 by socket, the secretary's console on node 2 by REST — at once.
    const chairSocket = await connect(node1.url, chair);
    sockets.push(chairSocket);
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i += 1) {
      work.push(
        emit(chairSocket, 'agenda.add', { meetingId, idempotencyKey: key(), title: `Từ máy 1 số ${i}` }),
      );
      work.push(
        call(node2, secretary, 'PATCH', `/meetings/${meetingId}/participants/${delegates[i % 4].id}`, {
          role: i % 2 ? 'delegate' : 'guest',
        }),
      );
    }
    const results = await Promise.all(work);
    for (const r of results) {
      if ('ok' in (r as object)) ok(r as { ok: true; data: MeetingCommandResult });
      else expect((r as { status: number }).status).toBe(200);
    }

    const server = expectStatus(
      await call<MeetingDetail>(node2, secretary, 'GET', `/meetings/${meetingId}`),
      200,
    );
    expect(server.seq).toBe(start + 20);
    await eventually(() => {
      for (const s of streams) expect(s.seq).toBe(server.seq);
    });
    const expected = Array.from({ length: 20 }, (_, i) => start + 1 + i);
    for (const [i, s] of streams.entries()) {
      expect(order[i]).toEqual(expected);
      expect(new Set(received[i].map((e) => e.seq)).size).toBe(20); // each event arrived once
      const { online: _o, onlineCount: _c, ...state } = s.snapshot;
      const { myRole: _r, ...detail } = server;
      expect(state).toEqual(detail);
    }
  }, 60_000);

  it('shows presence across nodes and evicts a removed participant on the other node', async () => {
    const onNode1 = await connect(node1.url, delegates[0]);
    const onNode2 = await connect(node2.url, delegates[3]);
    sockets.push(onNode1, onNode2);
    const seenOn2: string[] = [];
    onNode2.on('meeting.event', (e) => seenOn2.push(e.type));
    const counts: number[] = [];
    onNode1.on('presence.count', (p) => p.meetingId === meetingId && counts.push(p.count));
    ok(await emit(onNode1, 'meeting.join', { meetingId }));
    const online = await watchPresence(onNode1, meetingId);
    ok(await emit(onNode2, 'meeting.join', { meetingId }));
    await eventually(() =>
      expect(online()).toEqual(expect.arrayContaining([delegates[0].id, delegates[3].id])),
    );
    // Every socket of the room hears the count, watching or not.
    await eventually(() => expect(counts.at(-1)).toBe(online().length));

    // Removed through node 1 while their socket is on node 2.
    expect(
      (await call(node1, secretary, 'DELETE', `/meetings/${meetingId}/participants/${delegates[3].id}`))
        .status,
    ).toBe(204);
    await eventually(() => expect(seenOn2).toContain('participant.removed'));
    await eventually(() => expect(online()).not.toContain(delegates[3].id));
    // A witness that stays on node 2: once it has the next event, node 2 has delivered it.
    const witness = await connect(node2.url, delegates[1]);
    sockets.push(witness);
    const witnessed: string[] = [];
    witness.on('meeting.event', (e) => witnessed.push(e.type));
    ok(await emit(witness, 'meeting.join', { meetingId }));
    const before = seenOn2.length;
    const chairSocket = await connect(node1.url, chair);
    sockets.push(chairSocket);
    ok(await emit(chairSocket, 'agenda.add', { meetingId, idempotencyKey: key(), title: 'Sau khi xóa' }));
    await eventually(() => expect(witnessed).toContain('agenda.itemAdded'));
    await emit(onNode2, 'system.ping', {});
    expect(seenOn2.length).toBe(before);
  }, 30_000);
});
