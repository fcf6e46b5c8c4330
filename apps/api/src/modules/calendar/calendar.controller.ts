import { Controller, Get, Header, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CalendarFeedUrlResponse } from '@phonghop/common';
import type { Request } from 'express';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { APP_CONFIG, AppConfig } from '../../config/env';
import { Clock } from '../../common/clock/clock';
import { CalendarService } from './calendar.service';

/** The global prefix (api/v1) and this controller's path. */
const FEED_PATH = '/api/v1/calendar';

/**
 * The feed's address. The `Host` header is the client's to choose, so a link sent to calendar apps
 * is built from PUBLIC_URL; only in development and test does it fall back to the request's own
 * host. In production without PUBLIC_URL the answer is a path, which the web app resolves against
 * the address the person actually has open.
 */
function feedUrl(config: AppConfig, req: Request, token: string): string {
  const path = `${FEED_PATH}/${token}.ics`;
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/+$/, '') + path;
  if (config.NODE_ENV === 'production') return path;
  return `${req.protocol}://${req.get('host')}${path}`;
}

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The signed-in user's secret feed address (made on first call). */
  @ApiBearerAuth()
  @Get('feed-url')
  async feedUrl(@CurrentUser() user: AuthUser, @Req() req: Request): Promise<CalendarFeedUrlResponse> {
    return { url: feedUrl(this.config, req, await this.calendar.token(user.id)) };
  }

  /** A new address; the old one stops working (when it leaked). */
  @ApiBearerAuth()
  @Post('feed-url/rotate')
  @HttpCode(200)
  async rotate(@CurrentUser() user: AuthUser, @Req() req: Request): Promise<CalendarFeedUrlResponse> {
    return { url: feedUrl(this.config, req, await this.calendar.rotate(user.id)) };
  }

  /** The feed itself: public, the token in the address is the credential. */
  @Public()
  @Get(':token.ics')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  feed(@Param('token') token: string): Promise<string> {
    return this.calendar.feed(token, this.clock.now());
  }
}
