import type { Socket } from 'socket.io';
import { AuthRenewCommandSchema, type AuthRenewResult } from '@phonghop/common';
import { SessionsRepository } from '../../modules/identity/sessions.repository';
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

/**
 * The socket's hold on its access token. The handshake verifies the token and its session; from
 * then on the token's expiry still counts: at that instant the socket is told `session.expired`
 * and closed, unless the client handed over a fresh token with `auth.renew` before. So a socket
 * never outlives the access token that opened it, as a REST call cannot.
 */
export class SocketSessions {
  private readonly timers = new WeakMap<object, NodeJS.Timeout>();

  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: SessionsRepository,
  ) {}

  /** Verifies a token and its session: the user with their current role, and the token's expiry. */
  async verify(token: unknown): Promise<{ user: AuthUser; expiresAt: number }> {
    if (typeof token !== 'string') throw new AppException('UNAUTHENTICATED');
    const claims = this.tokens.verifyAccessToken(token); // UNAUTHENTICATED or TOKEN_EXPIRED
    const role = await this.sessions.activeRole(claims.sessionId, claims.id).catch(() => null);
    if (!role) throw new AppException('UNAUTHENTICATED');
    return { user: { ...claims, systemRole: role }, expiresAt: expiryOf(token) };
  }

  /** Starts the expiry watch of a freshly authenticated socket. */
  start(socket: AnySocket): void {
    this.arm(socket);
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
