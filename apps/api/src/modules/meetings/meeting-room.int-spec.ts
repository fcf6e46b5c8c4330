import type {
  AgendaItem,
  MeetingCommandResult,
  MeetingDetail,
  MeetingEvent,
  MeetingJoinResult,
  MeetingRosterResponse,
  MeetingSnapshot,
  PresenceChanged,
} from '@phonghop/common';
import { applyPresenceDelta, MeetingEventStream, withRoster } from '@phonghop/common';
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
  key,
  ok,
  onMeetingEvents,
  Person,
  person,
  roster,
  TestSocket,
  transition,
} from '../../../test/meetings-kit';

/**
 * A room screen as the web app keeps it: the shared stream fed by the join ack, the roster after a
 * snapshot, and the meeting events (held while a join is answered, applied after it).
 */
class RoomClient {
  socket!: TestSocket;
  stream?: MeetingEventStream;
  applied = 0;
  snapshots = 0;
  private early: MeetingEvent[] | null = null;

  constructor(
    private readonly url: string,
    readonly who: Person,
    private readonly meetingId: string,
  ) {}

  async open(): Promise<void> {
    this.socket = await connect(this.url, this.who);
    // Listen before joining: events committed while the join is answered are held and de-duplicated.
    onMeetingEvents(this.socket, (e) => {
      if (e.meetingId !== this.meetingId) return;
      if (this.early) this.early.push(e);
      else if (this.stream) this.applied += this.stream.receive(e);
    });
    this.early = [];
    const ack = ok(
      await emit(this.socket, 'meeting.join', { meetingId: this.meetingId, sinceSeq: this.stream?.seq }),
    );
    await this.take(ack as MeetingJoinResult);
  }

  private async take(result: MeetingJoinResult): Promise<void> {
    if (result.kind === 'snapshot') {
      this.snapshots += 1;
      const snapshot = withRoster(result.snapshot, await roster({ url: this.url }, this.who, this.meetingId));
      if (this.stream) this.stream.loadSnapshot(snapshot);
      else this.stream = new MeetingEventStream(snapshot);
    } else {
      this.applied += this.stream!.receive(result.events);
    }
    const early = this.early ?? [];
    this.early = null;
    this.applied += this.stream!.receive(early);
  }

  drop(): void {
    this.socket.disconnect();
  }

  get state(): Omit<MeetingSnapshot, 'online' | 'onlineCount'> {
    const { online: _online, onlineCount: _count, ...rest } = this.stream!.snapshot;
    return rest;
  }
}

describe('the live meeting room', () => {
  let t: TestApp;
  let secretary: Person;
  let chair: Person;
  let delegates: Person[];
  let meetingId: string;

  beforeAll(async () => {
    // The resync test fires 50 changes back to back, far above a chair's pace: the per-socket
    // command limit (its own tests are in socket-floods.int-spec.ts) is lifted here.
    t = await startTestApp({ env: { SOCKET_WRITE_PER_SECOND: '1000' } });
    [secretary, chair, ...delegates] = await Promise.all([
      person(t, 'thuky-room'),
      person(t, 'chutri-room'),
      ...Array.from({ length: 6 }, (_, i) => person(t, `daibieu-room-${i + 1}`)),
    ]);
    const m = await createMeeting(t, secretary, { title: 'Phiên họp trực tiếp' });
    meetingId = m.id;
    await addParticipant(t, secretary, m.id, chair, 'chair');
    for (const d of delegates) await addParticipant(t, secretary, m.id, d, 'delegate');
    for (const title of [
      'Khai mạc',
      'Báo cáo kinh tế - xã hội',
      'Quốc phòng - an ninh',
      'Thảo luận',
      'Bế mạc',
    ]) {
      await addItem(t, secretary, m.id, title);
    }
    await transition(t, secretary, m.id, 'scheduled');
  });
  afterAll(() => t.close());

  const fullState = async (): Promise<Omit<MeetingDetail, 'myRole'>> => {
    const { myRole: _r, ...detail } = expectStatus(
      await call<MeetingDetail>(t, secretary, 'GET', `/meetings/${meetingId}`),
      200,
    );
    return detail;
  };
  const serverState = fullState;

  /** GET /meetings/:id/roster as a client makes it, with the ETag it was given. */
  const fetchMeetingRoster = async (who: Person, etag?: string, id = meetingId) => {
    const res = await fetch(`${t.url}/api/v1/meetings/${id}/roster`, {
      headers: { authorization: `Bearer ${who.token}`, ...(etag ? { 'if-none-match': etag } : {}) },
    });
    const text = await res.text();
    return {
      status: res.status,
      etag: res.headers.get('etag') ?? '',
      encoding: res.headers.get('content-encoding'),
      body: (text ? JSON.parse(text) : undefined) as MeetingRosterResponse | undefined,
    };
  };

  it('answers a join with the same snapshot as REST, or with the missed events', async () => {
    const s = await connect(t.url, delegates[0]);
    try {
      const snap = ok(await emit(s, 'meeting.join', { meetingId })) as MeetingJoinResult;
      expect(snap.kind).toBe('snapshot');
      if (snap.kind !== 'snapshot') return;
      const { onlineCount, ...state } = snap.snapshot;
      expect(onlineCount).toBe(1);
      // The join carries no participants (its size does not grow with the meeting); with the
      // roster it makes exactly the REST detail.
      expect(state).not.toHaveProperty('participants');
      const { participants, ...rest } = await fullState();
      expect(state).toEqual(rest);
      const {
        online: _o,
        onlineCount: _c,
        ...full
      } = withRoster(snap.snapshot, (await fetchMeetingRoster(delegates[0])).body!.participants);
      expect(full).toEqual({ ...rest, participants });
      const seq = snap.snapshot.seq;

      const upToDate = ok(await emit(s, 'meeting.join', { meetingId, sinceSeq: seq }));
      expect(upToDate).toEqual({ kind: 'events', events: [], seq, onlineCount: 1 });
      const behind = ok(await emit(s, 'meeting.join', { meetingId, sinceSeq: seq - 3 })) as MeetingJoinResult;
      expect(behind.kind === 'events' && behind.events.map((e) => e.seq)).toEqual([seq - 2, seq - 1, seq]);
      const ahead = ok(await emit(s, 'meeting.join', { meetingId, sinceSeq: seq + 10 })) as MeetingJoinResult;
      expect(ahead.kind).toBe('snapshot');
      const fromZero = ok(await emit(s, 'meeting.join', { meetingId, sinceSeq: 0 })) as MeetingJoinResult;
      expect(fromZero.kind).toBe('snapshot');
      expect(ok(await emit(s, 'meeting.leave', { meetingId }))).toEqual({ left: true });
    } finally {
      s.close();
    }
  });

  it('tells watchers who is online as people join, leave and drop (the list once, then deltas), and everyone how many', async () => {
    const a = await connect(t.url, delegates[1]);
    const b = await connect(t.url, delegates[2]);
    const b2 = await connect(t.url, delegates[2]);
    const c = await connect(t.url, delegates[3]);
    try {
      const deltas: PresenceChanged[] = [];
      a.on('presence.changed', (p) => p.meetingId === meetingId && deltas.push(p));
      // Watching needs the room: a socket that has not joined is refused.
      expect(await emit(a, 'presence.watch', { meetingId })).toMatchObject({
        ok: false,
        error: { code: 'NOT_JOINED' },
      });
      const joined = ok(await emit(a, 'meeting.join', { meetingId })) as MeetingJoinResult;
      if (joined.kind !== 'snapshot') throw new Error('expected a snapshot');
      // The join answers how many, never who: its size does not grow with the room.
      expect(joined.snapshot.onlineCount).toBe(1);
      expect(joined.snapshot).not.toHaveProperty('online');
      const { online } = ok(await emit(a, 'presence.watch', { meetingId }));
      expect(online).toEqual([delegates[1].id]);
      const seen = () => deltas.reduce((list, d) => applyPresenceDelta(list, d), online);
      ok(await emit(b, 'meeting.join', { meetingId }));
      // Two tablets of one person count once.
      const second = ok(await emit(b2, 'meeting.join', { meetingId })) as MeetingJoinResult;
      expect(second.kind === 'snapshot' && second.snapshot.onlineCount).toBe(2);
      await eventually(() => expect(seen()).toEqual([delegates[1].id, delegates[2].id].sort()));
      // Deltas name only who changed, and the count; never the whole list again.
      // (`left` may name someone of an earlier test whose socket just closed.)
      expect(deltas.at(-1)).toEqual({
        meetingId,
        joined: expect.arrayContaining([delegates[2].id]),
        left: expect.not.arrayContaining([delegates[1].id, delegates[2].id]),
        count: 2,
      });
      for (const d of deltas) expect(d).not.toHaveProperty('online');
      // One of two tablets of the same person leaves: still online.
      b.disconnect();
      await eventually(() => expect(deltas.at(-1)?.count).toBe(2));
      expect(seen()).toEqual([delegates[1].id, delegates[2].id].sort());
      b2.disconnect();
      await eventually(() => expect(seen()).toEqual([delegates[1].id]));
      expect(deltas.at(-1)).toEqual({ meetingId, joined: [], left: [delegates[2].id], count: 1 });

      // A socket that does not watch hears how many, and no names.
      const cCounts: number[] = [];
      const cDeltas: PresenceChanged[] = [];
      c.on('presence.count', (p) => p.meetingId === meetingId && cCounts.push(p.count));
      c.on('presence.changed', (p) => cDeltas.push(p));
      const cJoined = ok(await emit(c, 'meeting.join', { meetingId })) as MeetingJoinResult;
      expect(cJoined.kind === 'snapshot' && cJoined.snapshot.onlineCount).toBe(2);
      await eventually(() => expect(seen()).toEqual([delegates[1].id, delegates[3].id].sort()));
      const b3 = await connect(t.url, delegates[2]);
      try {
        ok(await emit(b3, 'meeting.join', { meetingId }));
        await eventually(() => expect(cCounts.at(-1)).toBe(3));
        await eventually(() => expect(seen()).toHaveLength(3));
        expect(cDeltas).toEqual([]);
        // Unwatching stops the names; the count still comes.
        expect(ok(await emit(a, 'presence.unwatch', { meetingId }))).toEqual({ watching: false });
        const heard = deltas.length;
        const aCounts: number[] = [];
        a.on('presence.count', (p) => p.meetingId === meetingId && aCounts.push(p.count));
        b3.disconnect();
        await eventually(() => expect(aCounts.at(-1)).toBe(2));
        expect(deltas).toHaveLength(heard);
      } finally {
        b3.close();
      }
    } finally {
      a.close();
      b.close();
      b2.close();
      c.close();
    }
  });

  it('gives the roster with an ETag: 304 while the participants are the same, a new one when they change', async () => {
    // A meeting of its own: the resync test below counts on the shared meeting's agenda.
    const own = await createMeeting(t, secretary, { title: 'Họp thử danh sách' });
    await addParticipant(t, secretary, own.id, chair, 'chair');
    await addParticipant(t, secretary, own.id, delegates[0], 'delegate');
    const fetchRoster = (who: Person, etag?: string) => fetchMeetingRoster(who, etag, own.id);
    const first = await fetchRoster(delegates[0]);
    expect(first.status).toBe(200);
    // Encoded and gzipped once per read; a client that takes no gzip gets the same JSON plain.
    expect(first.encoding).toBe('gzip');
    const plain = await fetch(`${t.url}/api/v1/meetings/${own.id}/roster`, {
      headers: { authorization: `Bearer ${delegates[0].token}`, 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.json()).toEqual(first.body);
    expect(first.etag).toMatch(/^"[\w-]+"$/);
    expect(first.body!.participants.find((p) => p.userId === chair.id)).toMatchObject({
      role: 'chair',
      user: { fullName: `Đồng chí ${chair.username}` },
    });
    const again = await fetchRoster(delegates[0], first.etag);
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
    // Other events move the seq on; the participants did not change, so the copy is still right.
    await addItem(t, secretary, own.id, 'Mục thêm cho ETag');
    expect((await fetchRoster(chair, first.etag)).status).toBe(304);
    const newcomer = await person(t, 'daibieu-room-moi');
    await addParticipant(t, secretary, own.id, newcomer, 'guest');
    const changed = await fetchRoster(delegates[0], first.etag);
    expect(changed.status).toBe(200);
    expect(changed.etag).not.toBe(first.etag);
    expect(changed.body!.participants.find((p) => p.userId === newcomer.id)).toMatchObject({ role: 'guest' });
    // A role change is in the very next read (never a stale copy of an older seq).
    expectStatus(
      await call(t, secretary, 'PATCH', `/meetings/${own.id}/participants/${newcomer.id}`, {
        role: 'delegate',
      }),
      200,
    );
    const promoted = await fetchRoster(delegates[0], changed.etag);
    expect(promoted.status).toBe(200);
    expect(promoted.body!.participants.find((p) => p.userId === newcomer.id)).toMatchObject({
      role: 'delegate',
    });
    // Outsiders learn nothing, not even that the meeting exists.
    const outsider = await person(t, 'nguoi-ngoai-room');
    expect((await fetchRoster(outsider)).status).toBe(404);
  });

  it('starts with the chair; the command is refused to a delegate', async () => {
    const d = await connect(t.url, delegates[0]);
    const c = await connect(t.url, chair);
    try {
      const refused = await emit(d, 'meeting.start', { meetingId, idempotencyKey: key() });
      expect(refused).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'MEETING_ROLE_REQUIRED' }),
      });
      const bad = await emit(c, 'meeting.start', { meetingId } as never);
      expect(bad).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_FAILED' }) });
      // Nobody has checked in: the chair is warned and must confirm, and the confirmation is logged.
      const noQuorum = await emit(c, 'meeting.start', { meetingId, idempotencyKey: key() });
      expect(noQuorum).toEqual({ ok: false, error: expect.objectContaining({ code: 'QUORUM_NOT_REACHED' }) });
      const started = ok(
        await emit(c, 'meeting.start', { meetingId, idempotencyKey: key(), confirmNoQuorum: true }),
      ) as MeetingCommandResult;
      expect(started.event).toMatchObject({
        type: 'meeting.statusChanged',
        payload: { from: 'scheduled', to: 'live', quorum: { reached: false, confirmedWithoutQuorum: true } },
      });
    } finally {
      d.close();
      c.close();
    }
  });

  it('brings every client to the server state after 20 % drop out during 50 agenda changes', async () => {
    const clients = delegates.flatMap((d) => [0, 1].map(() => new RoomClient(t.url, d, meetingId)));
    clients.push(new RoomClient(t.url, secretary, meetingId), new RoomClient(t.url, chair, meetingId));
    await Promise.all(clients.map((c) => c.open()));
    const startSeq = clients[0].stream!.seq;
    const control = await connect(t.url, chair);
    const dropped = clients.filter((_, i) => i % 5 === 2); // 3 of 14 ≈ 20 %
    const command = async <
      E extends 'agenda.add' | 'agenda.update' | 'agenda.reorder' | 'agenda.setCurrent' | 'agenda.remove',
    >(
      event: E,
      payload: Record<string, unknown>,
    ) =>
      (
        ok(
          await emit(control, event, { meetingId, idempotencyKey: key(), ...payload } as never),
        ) as MeetingCommandResult
      ).event;
    const agenda = async () =>
      expectStatus(await call<{ items: AgendaItem[] }>(t, chair, 'GET', `/meetings/${meetingId}/agenda`), 200)
        .items;

    try {
      for (let change = 0; change < 50; change += 1) {
        if (change === 8) dropped.forEach((c) => c.drop());
        if (change === 20) await dropped[0].open(); // back early
        if (change === 42) await Promise.all(dropped.slice(1).map((c) => c.open())); // back late
        const items = await agenda();
        switch (change % 5) {
          case 0:
            await command('agenda.add', {
              title: `Nội dung phát sinh ${change}`,
              plannedMinutes: 5 + change,
            });
            break;
          case 1:
            await command('agenda.setCurrent', { itemId: items[change % items.length].id });
            break;
          case 2: {
            const ids = items.map((i) => i.id);
            ids.push(ids.shift()!);
            await command('agenda.reorder', { itemIds: ids });
            break;
          }
          case 3:
            await command('agenda.update', {
              itemId: items[(change * 7) % items.length].id,
              title: `Sửa lần ${change}`,
            });
            break;
          default: {
            const removable = items.filter((i) => i.status === 'pending' || i.status === 'skipped');
            if (removable.length > 3) await command('agenda.remove', { itemId: removable.at(-1)!.id });
            else await command('agenda.add', { title: `Bổ sung ${change}` });
          }
        }
      }
      // A last burst of concurrent commands: broadcasts may leave the server out of seq order.
      await Promise.all(
        Array.from({ length: 5 }, (_, i) => command('agenda.add', { title: `Đồng thời ${i}` })),
      );

      const server = await serverState();
      expect(server.seq).toBe(startSeq + 55);
      await eventually(() => {
        for (const c of clients) expect(c.stream!.seq).toBe(server.seq);
      });
      for (const c of clients) {
        expect(c.state).toEqual(server);
        expect(c.stream!.gap).toBeNull();
      }
      // Nothing applied twice: every client applied each event after its own starting point exactly once.
      for (const c of clients.filter((x) => !dropped.includes(x))) expect(c.applied).toBe(55);
      for (const c of dropped) expect(c.snapshots).toBe(1);
      for (const c of dropped) expect(c.applied).toBe(55);
    } finally {
      control.close();
      clients.forEach((c) => c.socket.close());
    }
  }, 60_000);
});
