import { Controller, Get, Headers, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { DISPLAY_TOKEN_HEADER } from '@phonghop/common';
import type { Request, Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { DisplaysService } from '../displays/displays.service';
import { MeetingIdPipe } from '../meeting-events/http-params';
import { MeetingReadService, MeetingRoster } from './meeting-read.service';

/**
 * The meeting's participants (roles, invitations, names, titles), which the `meeting.join` snapshot
 * leaves out so that a join answer does not grow with the meeting. A client fetches the roster after
 * each snapshot join, with `If-None-Match`: a bodyless 304 while its copy is still right.
 */
@ApiTags('meetings')
@Controller()
export class MeetingRosterController {
  constructor(
    private readonly read: MeetingReadService,
    private readonly displays: DisplaysService,
  ) {}

  @Get('meetings/:id/roster')
  @ApiBearerAuth()
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'the ETag of the copy the client has' })
  async roster(
    @CurrentUser() user: AuthUser,
    @Param('id', MeetingIdPipe) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    send(await this.read.roster(user, id), ifNoneMatch, req, res);
  }

  /** The same for a room display, of its own meeting (the display token in its header). */
  @Get('displays/roster')
  @Public()
  async displayRoster(
    @Headers(DISPLAY_TOKEN_HEADER) token: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const display = await this.displays.verify(token);
    send(await this.read.rosterUnchecked(display.meetingId), ifNoneMatch, req, res);
  }
}

/**
 * Sends the roster's body as it was encoded (and gzipped) once for everyone: a hall asks for it all
 * at once, right after a join storm.
 */
function send(roster: MeetingRoster, ifNoneMatch: string | undefined, req: Request, res: Response): void {
  // Private: only participants may read it; no-cache: always revalidate (a 304 costs no body).
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('ETag', roster.etag);
  res.setHeader('Vary', 'Accept-Encoding');
  if (ifNoneMatch?.split(',').some((tag) => tag.trim() === roster.etag)) {
    res.status(304).end();
    return;
  }
  res.type('application/json');
  if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    res.setHeader('Content-Encoding', 'gzip');
    res.send(roster.gzip);
    return;
  }
  res.send(roster.json);
}
