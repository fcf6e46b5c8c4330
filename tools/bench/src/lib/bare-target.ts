import { io } from 'socket.io-client';
import { startBareServer } from './bare-server';
import type { BenchTarget } from './target';

/** The baseline target: the bare server, one publisher socket, the same payload marker. */
export async function startBareTarget(clients: number, snapshotBytes: number): Promise<BenchTarget> {
  const server = await startBareServer(snapshotBytes);
  const publisher = io(server.url, { transports: ['websocket'] });
  await new Promise<void>((resolve) => publisher.once('connect', () => resolve()));
  return {
    name: 'bare',
    url: server.url,
    serverPid: server.pid,
    tokens: Array.from({ length: clients }, () => null),
    joinEvent: 'join',
    joinPayload: {},
    eventName: 'bench.event',
    publish: async (id, sentAt) => {
      // Same envelope shape as one of our agenda events (without its two hashes: ~150 bytes smaller).
      await publisher.timeout(30_000).emitWithAck('publish', {
        meetingId: '00000000-0000-4000-8000-000000000000',
        seq: id,
        type: 'agenda.itemUpdated',
        payload: {
          itemId: '00000000-0000-4000-8000-000000000001',
          changes: { title: `bench:${sentAt}:${id}` },
        },
        actorId: '00000000-0000-4000-8000-000000000002',
        at: new Date().toISOString(),
      });
    },
    close: async () => {
      publisher.disconnect();
      await server.close();
    },
  };
}
