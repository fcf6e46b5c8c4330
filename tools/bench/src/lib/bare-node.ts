/**
 * The bare baseline's server: a plain socket.io server doing the same job as our gateway without
 * any of our work (no auth, no database, no event log), run as its own process like an API node.
 * `join` puts the socket in the room and answers a snapshot of the given size; `publish`
 * broadcasts to the room (on every node, with the same Redis adapter as ours when a Redis URL is
 * given). It tells its parent its port once it listens.
 * argv: <port, 0 for any> <redisUrl, or - for none> <snapshotBytes>
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';

async function main(): Promise<void> {
  const [port, redisUrl, snapshotBytes] = process.argv.slice(2);
  const httpServer = http.createServer();
  const io = new Server(httpServer, { serveClient: false });
  if (redisUrl !== '-') {
    const pub = createClient({ url: redisUrl });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
  }
  const snapshot = { blob: 'x'.repeat(Number(snapshotBytes)) };
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
  httpServer.listen(Number(port), '127.0.0.1', () =>
    process.send?.({ port: (httpServer.address() as AddressInfo).port }),
  );
}

void main();
