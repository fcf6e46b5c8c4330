import type { INestApplication } from '@nestjs/common';
import { ERROR_MESSAGES } from '@phonghop/common';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../../config/env';
import { SessionsRepository } from '../../modules/identity/sessions.repository';
import { TokenService } from '../../modules/identity/token.service';

export type ApiDocsMode = 'off' | 'auth' | 'public';

/** API_DOCS, or its default: public in development and test, off in production. */
export function apiDocsMode(config: AppConfig): ApiDocsMode {
  return config.API_DOCS ?? (config.NODE_ENV === 'production' ? 'off' : 'public');
}

/**
 * API_DOCS=auth: the OpenAPI routes (plain Express routes, outside Nest's guards) need the Bearer
 * access token of an active session, like any API call.
 */
export function apiDocsGuard(app: INestApplication) {
  const tokens = app.get(TokenService);
  const sessions = app.get(SessionsRepository);
  return (req: Request, res: Response, next: NextFunction): void => {
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(req.headers.authorization ?? '');
    const refuse = () => {
      res
        .status(401)
        .json({ error: { code: 'UNAUTHENTICATED', message: ERROR_MESSAGES.UNAUTHENTICATED.en } });
    };
    if (!match) return refuse();
    let claims;
    try {
      claims = tokens.verifyAccessToken(match[1]);
    } catch {
      return refuse();
    }
    sessions.activeRole(claims.sessionId, claims.id).then(
      (role) => (role ? next() : refuse()),
      (err: unknown) => next(err),
    );
  };
}
