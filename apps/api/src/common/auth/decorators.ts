import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'isPublic';
/** A route anyone may call without signing in (login, health, refresh). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const IS_ADMIN_ONLY = 'isAdminOnly';
/** A route only system administrators may call. */
export const AdminOnly = () => SetMetadata(IS_ADMIN_ONLY, true);

export type AuthedRequest = Request & { user?: AuthUser };

/** The signed-in user of this request (set by the global AuthGuard). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.user) throw new Error('CurrentUser used on a public route');
  return req.user;
});
