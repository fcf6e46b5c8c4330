import { z } from 'zod';
import type { Socket } from 'socket.io';
import { AppException } from '../errors/app-exception';
import { SocketCommand, SocketCommandTable } from './socket-command';

const PingSchema = z.strictObject({ n: z.number().int() });

// Event names of the contract, declared once for this file (the table is one per process).
class PingGateway {
  constructor(private readonly offset: number) {}

  @SocketCommand('system.ping', PingSchema)
  ping({ n }: z.infer<typeof PingSchema>, socket: Socket) {
    if (n < 0) throw new AppException('FORBIDDEN');
    return { n: n + this.offset, socket: socket.id };
  }
}

class NotLoadedGateway {
  @SocketCommand('presence.unwatch', PingSchema)
  unwatch() {
    return 'never';
  }
}

const socket = { id: 'socket-1' } as Socket;

describe('SocketCommandTable', () => {
  const table = new SocketCommandTable((gateway) =>
    gateway === PingGateway ? new PingGateway(10) : undefined,
  );

  it('runs a command on its gateway instance with the parsed payload and the socket', async () => {
    await expect(table.get('system.ping')!(socket, { n: 1 })).resolves.toEqual({
      ok: true,
      data: { n: 11, socket: 'socket-1' },
    });
  });

  it('answers a payload the schema refuses with VALIDATION_FAILED, and a thrown error with its code', async () => {
    await expect(table.get('system.ping')!(socket, { n: 'one' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    await expect(table.get('system.ping')!(socket, [{ n: 1 }, 2])).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    await expect(table.get('system.ping')!(socket, { n: -1 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('leaves out the commands of a gateway the app does not load, and knows no other event', () => {
    expect(new NotLoadedGateway().unwatch()).toBe('never');
    expect(table.get('presence.unwatch')).toBeUndefined();
    expect(table.get('connect')).toBeUndefined();
    expect(table.get('constructor')).toBeUndefined();
  });

  it('adds the adapter’s own commands, answered the same way', async () => {
    table.add('auth.renew', (_s, payload) => ({ renewed: payload }));
    await expect(table.get('auth.renew')!(socket, 'token')).resolves.toEqual({
      ok: true,
      data: { renewed: 'token' },
    });
  });

  it('refuses a command declared twice', () => {
    expect(() => {
      class Twice {
        @SocketCommand('system.ping', PingSchema)
        again() {
          return null;
        }
      }
      return Twice;
    }).toThrow("@SocketCommand('system.ping') is declared twice");
  });
});
