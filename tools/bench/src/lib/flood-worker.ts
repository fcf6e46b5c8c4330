import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';

/**
 * The hostile client of `bench -- flood`, in its own process so its loop does not slow the
 * measuring one: one socket sending `agenda.update` as fast as acks come back, `inFlight` at a
 * time. Started with its parameters as JSON in argv[2]; on 'stop' it reports its counts and exits.
 */
interface FloodArgs {
  url: string;
  token: string;
  meetingId: string;
  itemId: string;
  inFlight: number;
}

const args = JSON.parse(process.argv[2]) as FloodArgs;
const socket = io(args.url, { transports: ['websocket'], auth: { token: args.token } });
const counts = { sent: 0, accepted: 0, rateLimited: 0, other: 0 };
let running = true;

async function lane(): Promise<void> {
  while (running) {
    counts.sent += 1;
    try {
      const ack = (await socket.timeout(30_000).emitWithAck('agenda.update', {
        meetingId: args.meetingId,
        idempotencyKey: randomUUID(),
        itemId: args.itemId,
        title: `flood ${counts.sent}`,
      })) as { ok: boolean; error?: { code: string } };
      if (ack.ok) counts.accepted += 1;
      else if (ack.error?.code === 'RATE_LIMITED') counts.rateLimited += 1;
      else counts.other += 1;
    } catch {
      counts.other += 1;
    }
  }
}

socket.once('connect', () => {
  process.send?.({ type: 'started' });
  for (let i = 0; i < args.inFlight; i++) void lane();
});
socket.once('connect_error', (err) => {
  process.send?.({ type: 'failed', error: err.message });
  process.exit(1);
});
process.on('message', (m: { cmd: string }) => {
  if (m.cmd !== 'stop') return;
  running = false;
  process.send?.({ type: 'stopped', counts }, () => {
    socket.disconnect();
    process.exit(0);
  });
});
