import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { createAdapter } from '@socket.io/redis-adapter';
import type { IncomingMessage } from 'node:http';
import { createClient } from 'redis';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { SOCKET_PATH } from '@phonghop/common';
import type { AppConfig } from '../../config/env';
import { TokenService } from '../../modules/identity/token.service';
import { SessionsRepository } from '../../modules/identity/sessions.repository';
import type { AuthUser } from '../auth/auth-user';
import { AppException } from '../errors/app-exception';
import { commandGuard } from './command-guard';
import { CommandRateLimits } from './command-rate-limits';
import { SocketCommandTable } from './socket-command';
import { displayUser, SocketSessions, type SocketData } from './socket-session';
import { displayRoom, DisplaysService } from '../../modules/displays/displays.service';

export type { SocketData } from './socket-session';

/**
 * The socket.io server of the app. A connection is refused unless its Origin is allowed, its
 * `auth.token` is a valid, unexpired access token, and its user has fewer than
 * MAX_SOCKETS_PER_USER sockets open (TOO_MANY_SOCKETS: the new one is refused, the open ones are
 * kept, so a leaked token cannot push the owner's tablets off). The token's session is read
 * meanwhile (SocketSessions.admit): nothing is served before it is found alive, and a socket whose
 * session has ended is told `session.revoked` and closed. Every command then passes the command
 * guard (unknown command, token expiry, rate limits); `auth.renew` hands the socket a fresh token. With REDIS_URL set, events reach sockets on every API node through the Redis
 * adapter, and the rate limits are counted in Redis.
 */
export class AuthenticatedIoAdapter extends IoAdapter {
  private readonly logger = new Logger('Socket');
  private redisClients: { quit(): Promise<unknown> }[] = [];

  constructor(
    private readonly appContext: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(appContext);
  }

  /**
   * Nest asks this for every gateway at every connect. Our commands are not Nest message handlers
   * (`@SocketCommand`, run from one table by the command guard), so there is nothing to bind, and a
   * `@SubscribeMessage` handler would never be called: the first connection fails loudly, naming it.
   */
  override bindMessageHandlers(_socket: Socket, handlers: MessageMappingProperties[]): void {
    if (handlers.length > 0) {
      const names = handlers.map((h) => String(h.message)).join(', ');
      throw new Error(
        `@SubscribeMessage is not used here (${names}): declare socket commands with @SocketCommand`,
      );
    }
  }

  /** Connects the Redis adapter before the app starts listening (no-op without REDIS_URL). */
  async connectRedis(): Promise<void> {
    if (!this.config.REDIS_URL) return;
    const pub = createClient({ url: this.config.REDIS_URL });
    const sub = pub.duplicate();
    pub.on('error', (e: Error) => this.logger.error(`redis: ${e.message}`));
    sub.on('error', (e: Error) => this.logger.error(`redis: ${e.message}`));
    const limits = pub.duplicate();
    limits.on('error', (e: Error) => this.logger.error(`redis: ${e.message}`));
    await Promise.all([pub.connect(), sub.connect(), limits.connect()]);
    this.redisClients = [pub, sub, limits];
    this.redisAdapter = createAdapter(pub, sub);
    this.limitsStore = limits;
  }

  private limitsStore?: unknown;

  private redisAdapter?: ReturnType<typeof createAdapter>;

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      path: SOCKET_PATH,
      serveClient: false,
      maxHttpBufferSize: 1_000_000,
      // A dead connection (cable cut, Wi-Fi gone) is noticed by both ends within ~5 s, so a tablet
      // stops showing a stale room as live; the client's own timer is pingInterval + pingTimeout.
      pingInterval: 2_000,
      pingTimeout: 3_000,
      allowRequest: (req: IncomingMessage, callback: (err: string | null | undefined, ok: boolean) => void) =>
        callback(null, this.originAllowed(req)),
    });
    if (this.redisAdapter) server.adapter(this.redisAdapter);

    const sessions = new SocketSessions(
      this.appContext.get(TokenService, { strict: false }),
      this.appContext.get(SessionsRepository, { strict: false }),
    );
    const displays = this.appContext.get(DisplaysService, { strict: false });
    const limits = new CommandRateLimits(this.config, this.limitsStore);
    const commands = new SocketCommandTable((gateway) => {
      try {
        return this.appContext.get(gateway, { strict: false });
      } catch {
        return undefined; // a gateway this app (a test module) does not load
      }
    });
    commands.add('auth.renew', (socket, payload) => sessions.renew(socket as never, payload));
    server.use((socket, next) => {
      const fail = (
        code: 'UNAUTHENTICATED' | 'TOKEN_EXPIRED' | 'TOO_MANY_SOCKETS' | 'DISPLAY_TOKEN_INVALID',
      ) => {
        const err = new Error(code) as Error & { data: unknown };
        err.data = { code };
        next(err);
      };
      const displayToken: unknown = socket.handshake.auth?.displayToken;
      if (displayToken !== undefined) {
        // A room display: watch-only, one meeting (docs/display.md). It never carries a user token.
        displays
          .verify(displayToken)
          .then((display) => {
            const data = socket.data as SocketData;
            data.display = display;
            data.user = displayUser(display);
            data.tokenExpiresAt = Number.POSITIVE_INFINITY;
            data.admitted = Promise.resolve(true);
            next();
          })
          .catch(() => fail('DISPLAY_TOKEN_INVALID'));
        return;
      }
      let verified: { user: AuthUser; expiresAt: number };
      try {
        verified = sessions.verifyToken(socket.handshake.auth?.token);
      } catch (e) {
        return fail(
          e instanceof AppException && e.code === 'TOKEN_EXPIRED' ? 'TOKEN_EXPIRED' : 'UNAUTHENTICATED',
        );
      }
      const data = socket.data as SocketData;
      data.user = verified.user;
      data.tokenExpiresAt = verified.expiresAt;
      // The session is read while the handshake goes on (SocketSessions.admit); commands wait for it.
      sessions.admit(socket as never);
      // Counted over every node (fetchSockets goes through the adapter). Two handshakes of one
      // user at the same instant may both pass: the cap is a ceiling against floods, not a count.
      server
        .in(`user:${verified.user.id}`)
        .fetchSockets()
        .then((open) => {
          if (open.length >= this.config.MAX_SOCKETS_PER_USER) {
            this.logger.warn(
              `refused socket: user=${verified.user.id} has ${open.length} open (TOO_MANY_SOCKETS)`,
            );
            return fail('TOO_MANY_SOCKETS');
          }
          next();
        })
        .catch(() => fail('UNAUTHENTICATED'));
    });
    // Registered before the gateways' own connection handlers, so the guard is in place before
    // any handler can receive a command.
    server.on('connection', (socket) => {
      // Every gateway (one per domain) and the session watch listen for this socket's 'disconnect':
      // a dozen listeners by design, not a leak (Node warns past 10).
      socket.setMaxListeners(32);
      const display = (socket.data as SocketData).display;
      // A display has no access token to expire; its token is re-read at each command instead.
      if (display) void socket.join(displayRoom(display.id));
      else sessions.start(socket);
      socket.use(commandGuard(socket, sessions, limits, displays, commands));
    });
    return server;
  }

  /** Browsers send Origin; it must be allowed (or, with no list, match the Host). Non-browsers send none. */
  private originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (!origin) return true;
    if (this.config.ALLOWED_ORIGINS.length > 0) return this.config.ALLOWED_ORIGINS.includes(origin);
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.redisClients.map((c) => c.quit().catch(() => undefined)));
  }
}
