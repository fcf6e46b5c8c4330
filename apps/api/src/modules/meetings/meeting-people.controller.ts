import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { DISPLAY_TOKEN_HEADER, type MeetingPeopleResponse } from '@phonghop/common';
import type { Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { DisplaysService } from '../displays/displays.service';
import { MeetingIdPipe } from '../meeting-events/http-params';
import { MeetingPeople, MeetingReadService } from './meeting-read.service';

/**
 * The participants' directory details, which the `meeting.join` snapshot leaves out (names, titles,
 * units): a client fetches them once and asks again with `If-None-Match` when a snapshot names
 * someone it does not know — 304 when nothing changed.
 */
@ApiTags('meetings')
@Controller()
export class MeetingPeopleController {
  constructor(
    private readonly read: MeetingReadService,
    private readonly displays: DisplaysService,
  ) {}

  @Get('meetings/:id/people')
  @ApiBearerAuth()
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'the ETag of the copy the client has' })
  async people(
    @CurrentUser() user: AuthUser,
    @Param('id', MeetingIdPipe) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeetingPeopleResponse | undefined> {
    return answer(await this.read.people(user, id), ifNoneMatch, res);
  }

  /** The same for a room display, of its own meeting (the display token in its header). */
  @Get('displays/people')
  @Public()
  async displayPeople(
    @Headers(DISPLAY_TOKEN_HEADER) token: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeetingPeopleResponse | undefined> {
    const display = await this.displays.verify(token);
    return answer(await this.read.peopleUnchecked(display.meetingId), ifNoneMatch, res);
  }
}

function answer(
  people: MeetingPeople,
  ifNoneMatch: string | undefined,
  res: Response,
): MeetingPeopleResponse | undefined {
  // Private: the answer depends on who asks; no-cache: always revalidate (a 304 costs no body).
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('ETag', people.etag);
  if (ifNoneMatch?.split(',').some((tag) => tag.trim() === people.etag)) {
    res.status(304);
    return undefined;
  }
  return people.body;
}
