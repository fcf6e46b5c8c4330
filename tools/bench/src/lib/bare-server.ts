import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

/**
 * The baseline: a bare socket.io server doing the same job as our gateway without any of our
 * work (no auth, no database, no event log). `join` answers a snapshot of the given size;
 * `publish` broadcasts the payload to everyone in the room.
 */
export async function startBareServer(
  snapshotBytes: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const httpServer = http.createServer();
  const io = new Server(httpServer, { serveClient: false });
  const snapshot = { blob: 'x'.repeat(snapshotBytes) };
  io.on('connection', (socket) => {
    socket.on('join', async (_payload: unknown, ack: (r: unknown) => void) => {
      await socket.join('room');
      ack({ ok: true, data: snapshot });
    });
    socket.on('publish', (payload: unknown, ack: (r: unknown) => void) => {
      io.to('room').emit('bench.event', payload);
      ack({ ok: true });
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}
