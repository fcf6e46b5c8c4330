import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';

const BODY_ERROR = Symbol('bodyError');
type WithBodyError = Request & { [BODY_ERROR]?: unknown };

/**
 * The JSON body parser, made to let the request go on when the body is malformed or too large
 * and to leave the error on the request instead. Its error then surfaces in BodyErrorGuard, inside
 * the route, after the request logger gave the request its id: an error raised by the parser itself
 * skipped the logger, and with the web app served it met serve-static's error handler, which turned
 * everything under /api into 404 ROUTE_NOT_FOUND.
 */
export function deferredJsonBodyParser(limit: string): RequestHandler {
  const parse = express.json({ limit });
  return (req: Request, res: Response, next: NextFunction) => {
    parse(req, res, (err?: unknown) => {
      if (err) (req as WithBodyError)[BODY_ERROR] = err;
      next();
    });
  };
}

/** Global guard, before authentication: a body the parser refused answers 400/413 (see toApiError). */
@Injectable()
export class BodyErrorGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const err = context.switchToHttp().getRequest<WithBodyError>()[BODY_ERROR];
    if (err) throw err;
    return true;
  }
}
