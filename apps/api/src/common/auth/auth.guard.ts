import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppException } from '../errors/app-exception';
import { TokenService } from '../../modules/identity/token.service';
import { SessionsRepository } from '../../modules/identity/sessions.repository';
import { AuthedRequest, IS_ADMIN_ONLY, IS_PUBLIC } from './decorators';

/**
 * Global guard: every route needs a valid access token unless marked @Public(). The session behind
 * the token must still be active, so a disabled user or a signed-out device is refused at once,
 * not only when the 15-minute token expires.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: SessionsRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
    if (!match) throw new AppException('UNAUTHENTICATED');
    const claims = this.tokens.verifyAccessToken(match[1]);
    const role = await this.sessions.activeRole(claims.sessionId, claims.id);
    if (!role) throw new AppException('UNAUTHENTICATED');
    const user = { ...claims, systemRole: role };
    req.user = user;

    if (this.reflector.getAllAndOverride<boolean>(IS_ADMIN_ONLY, targets) && user.systemRole !== 'admin') {
      throw new AppException('ADMIN_REQUIRED');
    }
    return true;
  }
}
