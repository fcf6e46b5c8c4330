import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  AttendanceRecord,
  CheckInQr,
  IDEMPOTENCY_KEY_HEADER,
  QrCheckInRequestSchema,
} from '@phonghop/common';
import { createZodDto } from 'nestjs-zod';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { IdempotencyKey, MeetingIdPipe } from '../meeting-events/http-params';
import { CheckInQrService } from './check-in-qr.service';

class QrCheckInDto extends createZodDto(QrCheckInRequestSchema) {}

/** REST face of the QR check-in: the room screen fetches the code, a phone that scanned it posts it. */
@ApiTags('attendance')
@ApiBearerAuth()
@ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, description: 'uuid; a retry with it acts once' })
@Controller('meetings/:meetingId/attendance')
export class AttendanceController {
  constructor(private readonly qr: CheckInQrService) {}

  @Get('qr')
  qrCode(
    @CurrentUser() user: AuthUser,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
  ): Promise<CheckInQr> {
    return this.qr.current(user, meetingId);
  }

  @Post('qr-check-in')
  @HttpCode(200)
  async qrCheckIn(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() idempotencyKey: string | null,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Body() body: QrCheckInDto,
  ): Promise<AttendanceRecord> {
    return (await this.qr.checkIn({ user, idempotencyKey }, meetingId, body.token)).result;
  }
}
