import { Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { AuthRenewCommandSchema, type AuthRenewResult } from '@phonghop/common';
import { SessionsRepository, type SessionEnd } from '../../modules/identity/sessions.repository';
import { TokenService } from '../../modules/identity/token.service';
import type { DisplayIdentity } from '../../modules/displays/displays.service';
import type { AuthUser } from '../auth/auth-user';
import { AppException } from '../errors/app-exception';
import { parsePayload } from './run-command';

/** What the server keeps on each socket. */
export interface SocketData {
  /** Who, as of the handshake or the last `auth.renew`. Roles are NOT taken from here for commands:
   *  each command reads them from the database (MeetingAccessService.open). */
  user: AuthUser;
  /** When the socket's access token expires (epoch ms); after it, commands are refused. */
  tokenExpiresAt: number;
  /**
   * The session check started at the handshake (`SocketSessions.admit`): true once the session is
   * found alive (and `user` carries the role read with it), false if it ended. Every command and
   * the user's private room wait for it, so nothing is served on a dead session.
   */
  admitted: Promise<boolean>;
  /** Set on a room display's socket (opened with `auth.displayToken`): watch-only, one meeting. Its
   *  `user` is then a stand-in (id = the display's id, a session id that opens no meeting), so any
   *  path that forgot the display check still fails closed. */
  display?: DisplayIdentity;
}

/** The stand-in `user` of a display socket. */
export function displayUser(display: DisplayIdentity): AuthUser {
  return { id: display.id, sessionId: 'display', systemRole: 'member' };
}

type AnySocket = Socket<never, never, never, SocketData>;

/** Why a socket's session does not admit it: ended (the `session.revoked` reason), or not read. */
type Ended = SessionEnd | 'failed';

/**
 * The socket's hold on its access token and session. The handshake verifies the token (signature,
 * expiry: no database) and starts reading its session (`admit`) without waiting for it: the read
 * overlaps the rest of the connect and the client's first command, so a join storm pays one
 * database round trip per socket on its critical path (the join's own), not two. Nothing is served
 * before it: every command and the user's private room wait until the session is found alive; a
 * session found ended gets `session.revoked` and the socket is closed.
 * From then on the token's expiry still counts: at that instant the socket is told
 * `session.expired` and closed, unless the client handed over a fresh token with `auth.renew`
 * before. So a socket never outlives the access token that opened it, as a REST call cannot.
 */
export class SocketSessions {
  private readonly timers = new WeakMap<object, NodeJS.Timeout>();
  /** Per socket: null when its session is alive, else why not (set by `admit`). */
  private readonly verdicts = new WeakMap<object, Promise<Ended | null>>();
  private readonly logger = new Logger('SocketSessions');

  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: SessionsRepository,
  ) {}

  /** The token's user and expiry, from its signed claims alone (UNAUTHENTICATED or TOKEN_EXPIRED). */
  verifyToken(token: unknown): { user: AuthUser; expiresAt: number } {
    if (typeof token !== 'string') throw new AppException('UNAUTHENTICATED');
    const user = this.tokens.verifyAccessToken(token);
    return { user, expiresAt: expiryOf(token) };
  }

  /** Verifies a token and its session: the user with their current role, and the token's expiry. */
  async verify(token: unknown): Promise<{ user: AuthUser; expiresAt: number }> {
    const { user, expiresAt } = this.verifyToken(token);
    const role = await this.sessions.activeRole(user.sessionId, user.id).catch(() => null);
    if (!role) throw new AppException('UNAUTHENTICATED');
    return { user: { ...user, systemRole: role }, expiresAt };
  }

  /**
   * Starts the session check of a socket whose token was verified (`socket.data.admitted`); what
   * follows a negative verdict is `start`'s, once the socket is connected.
   */
  admit(socket: AnySocket): void {
    const { user } = socket.data;
    const verdict = this.sessions.roleOrEnd(user.sessionId, user.id).then(
      (found): Ended | null => {
        if ('ended' in found) return found.ended;
        socket.data.user = { ...socket.data.user, systemRole: found.role };
        return null;
      },
      (err: Error): Ended => {
        this.logger.warn(`session check failed: user=${user.id} ${err.message}`);
        return 'failed';
      },
    );
    this.verdicts.set(socket, verdict);
    socket.data.admitted = verdict.then((ended) => ended === null);
  }

  /**
   * A freshly connected socket: starts its expiry watch, and closes it if its session is found
   * ended — telling the client why (`session.revoked`, as when a session ends later) — or could not
   * be read (the database away: no verdict, the client connects again).
   */
  start(socket: AnySocket): void {
    this.arm(socket);
    void this.verdicts.get(socket)?.then((ended) => {
      if (ended === null) return;
      this.logger.warn(`socket closed: user=${socket.data.user.id} session=${ended}`);
      if (ended !== 'failed') (socket as unknown as Socket).emit('session.revoked', { reason: ended });
      // On the next turn, so the refusals of commands that waited for the verdict go out first.
      setImmediate(() => socket.disconnect(true));
    });
    socket.once('disconnect', () => clearTimeout(this.timers.get(socket)));
  }

  /** `auth.renew`: the same user's fresh token replaces the socket's; its expiry moves on. */
  async renew(socket: AnySocket, payload: unknown): Promise<AuthRenewResult> {
    const { token } = parsePayload(AuthRenewCommandSchema, payload);
    const { user, expiresAt } = await this.verify(token);
    // A socket stays one person's: another user's token is refused, not swapped in.
    if (user.id !== socket.data.user.id) throw new AppException('UNAUTHENTICATED');
    socket.data.user = user;
    socket.data.tokenExpiresAt = expiresAt;
    this.arm(socket);
    return { expiresAt: new Date(expiresAt).toISOString() };
  }

  isExpired(socket: AnySocket, now = Date.now()): boolean {
    return now >= socket.data.tokenExpiresAt;
  }

  /** Tells the client why, then closes the socket; the web app refreshes its token and reconnects. */
  expire(socket: AnySocket): void {
    clearTimeout(this.timers.get(socket));
    if (!socket.connected) return;
    (socket as unknown as Socket).emit('session.expired', { reason: 'token_expired' });
    // On the next turn, so an acknowledgement written just before (TOKEN_EXPIRED) goes out first.
    setImmediate(() => socket.disconnect(true));
  }

  private arm(socket: AnySocket): void {
    clearTimeout(this.timers.get(socket));
    const timer = setTimeout(() => this.expire(socket), Math.max(0, socket.data.tokenExpiresAt - Date.now()));
    timer.unref();
    this.timers.set(socket, timer);
  }
}

/** The `exp` of a token that verify() has just accepted (so its payload is trusted), in epoch ms. */
function expiryOf(token: string): number {
  const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as {
    exp?: unknown;
  };
  // A token without exp would never expire; treat it as expiring now rather than never.
  return typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
}
