import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { IncomingMessage } from 'node:http';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import { SOCKET_PATH } from '@phonghop/common';
import type { AppConfig } from '../../config/env';
import { TokenService } from '../../modules/identity/token.service';
import { SessionsRepository } from '../../modules/identity/sessions.repository';
import { AppException } from '../errors/app-exception';
import type { AuthUser } from '../auth/auth-user';

export interface SocketData {
  user: AuthUser;
}

/**
 * The socket.io server of the app. A connection is refused unless its Origin is allowed and its
 * `auth.token` is a valid access token of an active session. With REDIS_URL set, events reach
 * sockets on every API node through the Redis adapter.
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

  /** Connects the Redis adapter before the app starts listening (no-op without REDIS_URL). */
  async connectRedis(): Promise<void> {
    if (!this.config.REDIS_URL) return;
    const pub = createClient({ url: this.config.REDIS_URL });
    const sub = pub.duplicate();
    pub.on('error', (e: Error) => this.logger.error(`redis: ${e.message}`));
    sub.on('error', (e: Error) => this.logger.error(`redis: ${e.message}`));
    await Promise.all([pub.connect(), sub.connect()]);
    this.redisClients = [pub, sub];
    this.redisAdapter = createAdapter(pub, sub);
  }

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

    const tokens = this.appContext.get(TokenService, { strict: false });
    const sessions = this.appContext.get(SessionsRepository, { strict: false });
    server.use((socket, next) => {
      const token: unknown = socket.handshake.auth?.token;
      const fail = (code: 'UNAUTHENTICATED' | 'TOKEN_EXPIRED') => {
        const err = new Error(code) as Error & { data: unknown };
        err.data = { code };
        next(err);
      };
      if (typeof token !== 'string') return fail('UNAUTHENTICATED');
      let claims: AuthUser;
      try {
        claims = tokens.verifyAccessToken(token);
      } catch (e) {
        return fail(
          e instanceof AppException && e.code === 'TOKEN_EXPIRED' ? 'TOKEN_EXPIRED' : 'UNAUTHENTICATED',
        );
      }
      sessions
        .activeRole(claims.sessionId, claims.id)
        .then((role) => {
          if (!role) return fail('UNAUTHENTICATED');
          (socket.data as SocketData).user = { ...claims, systemRole: role };
          next();
        })
        .catch(() => fail('UNAUTHENTICATED'));
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
