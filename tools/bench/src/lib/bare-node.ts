/**
 * One node of the bare baseline cluster: a plain socket.io server with the same Redis adapter as
 * ours, run as its own process (like an API node). `join` puts the socket in the room and answers
 * a snapshot of the given size; `publish` broadcasts to the room on every node.
 * argv: <port> <redisUrl> <snapshotBytes>
 */
import http from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';

async function main(): Promise<void> {
  const [port, redisUrl, snapshotBytes] = process.argv.slice(2);
  const pub = createClient({ url: redisUrl });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  const httpServer = http.createServer();
  const io = new Server(httpServer, { serveClient: false, adapter: createAdapter(pub, sub) });
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
  httpServer.listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
}

void main();
