import { Controller, Get, Header, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CalendarFeedUrlResponse } from '@phonghop/common';
import type { Request } from 'express';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { Clock } from '../../common/clock/clock';
import { CalendarService } from './calendar.service';

/** The feed's absolute address, next to the route that was called (whatever prefix or proxy path). */
function feedUrl(req: Request, token: string): string {
  const base = req.originalUrl.replace(/\/feed-url(\/rotate)?(\?.*)?$/, '');
  return `${req.protocol}://${req.get('host')}${base}/${token}.ics`;
}

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  /** The signed-in user's secret feed address (made on first call). */
  @ApiBearerAuth()
  @Get('feed-url')
  async feedUrl(@CurrentUser() user: AuthUser, @Req() req: Request): Promise<CalendarFeedUrlResponse> {
    return { url: feedUrl(req, await this.calendar.token(user.id)) };
  }

  /** A new address; the old one stops working (when it leaked). */
  @ApiBearerAuth()
  @Post('feed-url/rotate')
  @HttpCode(200)
  async rotate(@CurrentUser() user: AuthUser, @Req() req: Request): Promise<CalendarFeedUrlResponse> {
    return { url: feedUrl(req, await this.calendar.rotate(user.id)) };
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
