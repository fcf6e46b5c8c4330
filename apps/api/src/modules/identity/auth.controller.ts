import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { User } from '@phonghop/common';
import type { CookieOptions, Request, Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { AuthService, ClientInfo } from './auth.service';
import { DEVICE_COOKIE_MAX_AGE_MS } from './device-cookie';
import { LoginRequestDto, LoginResponseDto, UserDto } from './identity.dto';
import { TooManyAttemptsException } from './login-throttle';

export const REFRESH_COOKIE = 'phonghop_refresh';
/** The refresh cookie is sent to the auth routes only (global prefix api/v1), never to the rest of the API. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';
/** The device cookies are needed by the sign-in route only. */
export const DEVICE_COOKIE_PATH = '/api/v1/auth/login';

function clientInfo(req: Request): ClientInfo {
  return {
    ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    userAgent: req.headers['user-agent'] ?? null,
  };
}

function bearerToken(req: Request): string | undefined {
  return /^Bearer ([A-Za-z0-9._-]+)$/.exec(req.headers.authorization ?? '')?.[1];
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @ApiOperation({
    summary: 'Sign in',
    description:
      'Answers an access token and the user, and sets the httpOnly refresh cookie. Unknown user, wrong ' +
      'password and disabled account all give 401 INVALID_CREDENTIALS; too many failures give 429 TOO_MANY_ATTEMPTS ' +
      '(per username and address, with growing delays, and per address). Also sets an httpOnly device cookie: a ' +
      'later sign-in of the same person from this device is not held back by failures from elsewhere.',
  })
  @ZodResponse({ status: 200, type: LoginResponseDto })
  async login(@Body() body: LoginRequestDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    try {
      const issued = await this.auth.login(body, clientInfo(req), req.cookies ?? {});
      res.cookie(REFRESH_COOKIE, issued.refreshToken, this.cookieOptions(req, true));
      res.cookie(issued.deviceCookie.name, issued.deviceCookie.value, {
        httpOnly: true,
        sameSite: 'strict',
        secure: req.secure,
        path: DEVICE_COOKIE_PATH,
        maxAge: DEVICE_COOKIE_MAX_AGE_MS,
      });
      return issued.body;
    } catch (err) {
      if (err instanceof TooManyAttemptsException)
        res.setHeader('Retry-After', String(err.retryAfterSeconds));
      throw err;
    }
  }

  @Public()
  @Post('refresh')
  @ApiOperation({
    summary: 'New access token from the refresh cookie',
    description:
      'Rotates the refresh cookie. Presenting the cookie just rotated away again within REFRESH_GRACE_SECONDS ' +
      'answers the same new cookie (racing tabs, retries); presenting it later revokes the session. 401 UNAUTHENTICATED ' +
      'when the cookie is missing, unknown, expired or revoked (the cookie is then cleared).',
  })
  @ZodResponse({ status: 200, type: LoginResponseDto })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    try {
      const issued = await this.auth.refresh(req.cookies?.[REFRESH_COOKIE]);
      res.cookie(REFRESH_COOKIE, issued.refreshToken, this.cookieOptions(req, true));
      return issued.body;
    } catch (err) {
      res.clearCookie(REFRESH_COOKIE, this.cookieOptions(req, false));
      throw err;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out',
    description:
      'Revokes the session of the refresh cookie and/or of the Bearer token, clears the cookie and closes ' +
      "that session's sockets. Always 204.",
  })
  @ApiNoContentResponse()
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(req.cookies?.[REFRESH_COOKIE], bearerToken(req));
    res.clearCookie(REFRESH_COOKIE, this.cookieOptions(req, false));
  }

  /**
   * httpOnly (no script reads it), SameSite=Strict (no cross-site request carries it), Secure when
   * the request came over https (directly or, with TRUST_PROXY, via X-Forwarded-Proto): a plain-http
   * LAN install must still work.
   */
  private cookieOptions(req: Request, withMaxAge: boolean): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: REFRESH_COOKIE_PATH,
      ...(withMaxAge ? { maxAge: this.auth.refreshTtlMs } : {}),
    };
  }
}

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user' })
  @ZodResponse({ status: 200, type: UserDto })
  me(@CurrentUser() user: AuthUser): Promise<User> {
    return this.auth.me(user.id);
  }
}
