import { startTestApp, TestApp } from '../../../test/test-app';
import {
  addParticipant,
  connect,
  createMeeting,
  emit,
  eventually,
  ok,
  Person,
  person,
  TestSocket,
  transition,
  watchPresence,
} from '../../../test/meetings-kit';

// The project's testTimeout is not applied when jest runs one project; a loaded machine needs more than 5 s.
jest.setTimeout(60_000);

/** What engine.io-client keeps of the server's handshake, and the method that answers pings. */
interface EngineInternals {
  _pingInterval: number;
  _pingTimeout: number;
  _sendPacket(type: string, ...rest: unknown[]): void;
}
const engineOf = (s: TestSocket) => s.io.engine as unknown as EngineInternals;

/**
 * Issue 6: a tablet whose network dies must be noticed within about 5 s, by the server (presence)
 * and by the client (its own timer is the server's ping interval + ping timeout).
 */
describe('dead connections', () => {
  let t: TestApp;
  let chair: Person;
  let delegate: Person;
  let meetingId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const secretary = await person(t, 'thuky-dead');
    [chair, delegate] = await Promise.all([person(t, 'chutri-dead'), person(t, 'daibieu-dead')]);
    const m = await createMeeting(t, secretary);
    meetingId = m.id;
    await addParticipant(t, secretary, m.id, chair, 'chair');
    await addParticipant(t, secretary, m.id, delegate, 'delegate');
    await transition(t, secretary, m.id, 'scheduled');
  });
  afterAll(() => t.close());

  it('tells clients to expect a ping at least every 5 s (interval + timeout)', async () => {
    const s = await connect(t.url, delegate);
    try {
      const engine = engineOf(s);
      expect(engine._pingInterval + engine._pingTimeout).toBeLessThanOrEqual(5_000);
    } finally {
      s.close();
    }
  });

  it('drops a client that stops answering pings, and the room sees it leave', async () => {
    const watcher = await connect(t.url, chair);
    const silent = await connect(t.url, delegate);
    try {
      ok(await emit(watcher, 'meeting.join', { meetingId }));
      const online = await watchPresence(watcher, meetingId);
      ok(await emit(silent, 'meeting.join', { meetingId }));
      await eventually(() => expect(online()).toContain(delegate.id));

      // The network "dies" for this client: it no longer answers the server's pings (nor sends anything).
      const engine = engineOf(silent);
      engine._sendPacket = () => undefined;
      // Within the ping interval + timeout (≤ 5 s) plus a margin for a loaded machine.
      await eventually(() => expect(online()).not.toContain(delegate.id), 9_000);
    } finally {
      watcher.close();
      silent.close();
    }
  });
});
