import { Body, Controller, Get, Headers, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CheckInQr,
  CreateDisplayRequestSchema,
  CreatedDisplay,
  DISPLAY_TOKEN_HEADER,
  DisplayToken,
} from '@phonghop/common';
import { createZodDto } from 'nestjs-zod';
import type { AuthUser } from '../../common/auth/auth-user';
import { AdminOnly, CurrentUser, Public } from '../../common/auth/decorators';
import { CheckInQrService } from '../attendance/check-in-qr.service';
import { MeetingIdPipe, UuidOr404Pipe } from '../meeting-events/http-params';
import { DisplaysService } from './displays.service';

/** An unknown display id is answered like an unknown or revoked token. */
const DisplayIdPipe = new UuidOr404Pipe('DISPLAY_TOKEN_INVALID');

class CreateDisplayDto extends createZodDto(CreateDisplayRequestSchema) {}

/** Display tokens of a meeting: system admins only. */
@ApiTags('displays')
@ApiBearerAuth()
@Controller('meetings/:meetingId/displays')
export class DisplaysController {
  constructor(private readonly displays: DisplaysService) {}

  @Post()
  @AdminOnly()
  create(
    @CurrentUser() user: AuthUser,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Body() body: CreateDisplayDto,
  ): Promise<CreatedDisplay> {
    return this.displays.create(user, meetingId, body.label);
  }

  @Get()
  @AdminOnly()
  list(
    @CurrentUser() user: AuthUser,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
  ): Promise<DisplayToken[]> {
    return this.displays.list(user, meetingId);
  }

  @Post(':displayId/revoke')
  @AdminOnly()
  revoke(
    @CurrentUser() user: AuthUser,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('displayId', DisplayIdPipe) displayId: string,
  ): Promise<DisplayToken> {
    return this.displays.revoke(user, meetingId, displayId);
  }
}

/**
 * The one REST read a display may make: the check-in QR code of its own meeting. The display token
 * travels in a header (never in the URL of a request, so it stays out of access logs).
 */
@ApiTags('displays')
@Controller('displays')
export class DisplayQrController {
  constructor(
    private readonly displays: DisplaysService,
    private readonly qr: CheckInQrService,
  ) {}

  @Get('qr')
  @Public()
  async qrCode(@Headers(DISPLAY_TOKEN_HEADER) token: string | undefined): Promise<CheckInQr> {
    const display = await this.displays.verify(token);
    return this.qr.forMeeting(display.meetingId);
  }
}
