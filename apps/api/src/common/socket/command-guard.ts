import { Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { ERROR_MESSAGES, type Ack } from '@phonghop/common';
import { RateLimitedException } from '../errors/rate-limited.exception';
import { CommandClass, CommandRateLimits } from './command-rate-limits';
import type { SocketCommandTable } from './socket-command';
import type { SocketData, SocketSessions } from './socket-session';
import type { DisplaysService } from '../../modules/displays/displays.service';

/** The only commands a room display may send (docs/display.md). */
const DISPLAY_COMMANDS = new Set(['meeting.join', 'meeting.leave', 'system.ping']);

const logger = new Logger('SocketGuard');

/** Commands refused RATE_LIMITED in a row, per socket id (cleared by an accepted command). */
const refusedInARow = new Map<string, number>();
/** Far beyond what a client that waits retryAfterMs ever reaches. */
const MAX_REFUSED_IN_A_ROW = 50;

type AnySocket = Socket<never, never, never, SocketData>;
type Packet = [event: string, ...args: unknown[]];

/**
 * Runs every command a socket sends (socket.io per-socket middleware), so no gateway can forget
 * its checks:
 * 1. an event that is no command is answered UNKNOWN_COMMAND (when the client asked for an ack);
 *    the others wait until the socket's session is found alive (UNAUTHENTICATED if it ended);
 * 2. a socket whose access token has expired is refused (TOKEN_EXPIRED), told `session.expired`
 *    and closed;
 * 3. the command is counted against the socket's and the user's allowance for its class —
 *    commands carrying an idempotency key change a meeting ("write"), the rest only read — and an
 *    excess is refused RATE_LIMITED with `retryAfterMs`.
 * A refused command never reaches its handler, so it writes nothing. An accepted one is run from
 * the command table (SocketCommandTable) and answered on its acknowledgement; the packet is not
 * passed on to socket.io's listeners (no socket has any for commands).
 */
export function commandGuard(
  socket: AnySocket,
  sessions: SocketSessions,
  limits: CommandRateLimits,
  displays: DisplaysService,
  commands: SocketCommandTable,
) {
  socket.once('disconnect', () => refusedInARow.delete(socket.id));
  // The packet never goes on to socket.io's listeners: an accepted command is run here.
  return (packet: Packet, _next: (err?: Error) => void): void => {
    const [event, ...args] = packet;
    const ack = typeof args.at(-1) === 'function' ? (args.at(-1) as (a: Ack<unknown>) => void) : undefined;
    const refuse = (error: Ack<never> & { ok: false }) => ack?.(error);
    const command = commands.get(event);
    // The payload is the one argument before the acknowledgement; several make an array (which no
    // command's schema accepts: VALIDATION_FAILED), none is undefined.
    const params = ack ? args.slice(0, -1) : args;
    const refuseUnknown = () =>
      refuse({
        ok: false,
        error: { code: 'UNKNOWN_COMMAND', message: `${ERROR_MESSAGES.UNKNOWN_COMMAND.en} (${event})` },
      });
    const run = (): void => {
      if (!command) return refuseUnknown();
      void command(socket as unknown as Socket, params.length <= 1 ? params[0] : params).then((a) =>
        ack?.(a),
      );
    };
    const consume = (): void => {
      limits
        .consume(classOf(args[0]), socket.id, socket.data.user.id)
        .then((retryAfterMs) => {
          if (retryAfterMs === null) {
            refusedInARow.delete(socket.id);
            return run();
          }
          refuse({ ok: false, error: new RateLimitedException(retryAfterMs).toApiError() });
          // A client honours retryAfterMs; one that keeps sending regardless is flooding. Parsing
          // and refusing its packets still costs the event loop everyone shares: close it.
          const refused = (refusedInARow.get(socket.id) ?? 0) + 1;
          refusedInARow.set(socket.id, refused);
          if (refused >= MAX_REFUSED_IN_A_ROW) {
            refusedInARow.delete(socket.id);
            logger.warn(`closing a flooding socket: user=${socket.data.user.id} refused=${refused} in a row`);
            socket.disconnect(true);
          }
        })
        // The limit store failing (Redis down) must not silence every command: let them through, loudly.
        .catch((err: Error) => {
          logger.warn(`rate limit store failed, command let through: ${err.message}`);
          run();
        });
    };

    const display = socket.data.display;
    if (display) {
      // A room display only watches: everything but joining/leaving its room and the clock ping is
      // refused here, before any handler, so it writes nothing.
      if (!DISPLAY_COMMANDS.has(event)) {
        logger.warn(`refused ${event}: display=${display.id} code=DISPLAY_READ_ONLY`);
        return refuse({
          ok: false,
          error: { code: 'DISPLAY_READ_ONLY', message: ERROR_MESSAGES.DISPLAY_READ_ONLY.en },
        });
      }
      // Revocation acts at the next command: the token is read from the database each time.
      displays
        .stillValid(display.id, display.meetingId)
        .then((valid) => {
          if (valid) return consume();
          refuse({
            ok: false,
            error: { code: 'DISPLAY_TOKEN_INVALID', message: ERROR_MESSAGES.DISPLAY_TOKEN_INVALID.en },
          });
          setImmediate(() => socket.disconnect(true));
        })
        .catch((err: Error) => {
          refuse({ ok: false, error: { code: 'DB_UNAVAILABLE', message: ERROR_MESSAGES.DB_UNAVAILABLE.en } });
          logger.warn(`display check failed: ${err.message}`);
        });
      return;
    }

    if (!command) return refuseUnknown();
    // The session read started at the handshake (SocketSessions.admit): usually done by now.
    void socket.data.admitted.then((alive) => {
      if (!alive) {
        return refuse({
          ok: false,
          error: { code: 'UNAUTHENTICATED', message: ERROR_MESSAGES.UNAUTHENTICATED.en },
        });
      }
      if (sessions.isExpired(socket)) {
        refuse({ ok: false, error: { code: 'TOKEN_EXPIRED', message: ERROR_MESSAGES.TOKEN_EXPIRED.en } });
        return sessions.expire(socket);
      }
      consume();
    });
  };
}

/** Commands that change a meeting carry an idempotency key (the contract's rule); the rest only read. */
function classOf(payload: unknown): CommandClass {
  return typeof payload === 'object' && payload !== null && 'idempotencyKey' in payload ? 'write' : 'read';
}
