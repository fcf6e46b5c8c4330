import { Controller, Get, Header, Param, PipeTransform, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Poll, ReceiptCheck, ReceiptCodeSchema, uuid } from '@phonghop/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { AppException } from '../../common/errors/app-exception';
import { MeetingIdPipe } from '../meeting-events/http-params';
import { PollsService } from './polls.service';

const pollUuid = uuid();

/** A poll id in the route: a uuid, else POLL_NOT_FOUND (ids are never explained). */
class PollIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const parsed = pollUuid.safeParse(value);
    if (!parsed.success) throw new AppException('POLL_NOT_FOUND');
    return parsed.data;
  }
}

/** A receipt as typed (any case, the dash optional); anything else is VALIDATION_FAILED. */
class ReceiptPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const parsed = ReceiptCodeSchema.safeParse(value);
    if (!parsed.success) {
      throw new AppException('VALIDATION_FAILED', undefined, [{ path: 'receipt', message: 'XXXXX-XXXXX' }]);
    }
    return parsed.data;
  }
}

/** REST face of voting for what the web reads outside the socket: one poll, a receipt check, the PDF. */
@ApiTags('polls')
@ApiBearerAuth()
@Controller('meetings/:meetingId/polls/:pollId')
export class PollsController {
  constructor(private readonly polls: PollsService) {}

  @Get()
  get(
    @CurrentUser() user: AuthUser,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('pollId', PollIdPipe) pollId: string,
  ): Promise<Poll> {
    return this.polls.get(user, meetingId, pollId);
  }

  /** "Is my ballot counted?" — true once the poll is closed and a stored ballot has this receipt. */
  @Get('receipts/:receipt')
  checkReceipt(
    @CurrentUser() user: AuthUser,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('pollId', PollIdPipe) pollId: string,
    @Param('receipt', ReceiptPipe) receipt: string,
  ): Promise<ReceiptCheck> {
    return this.polls.checkReceipt(user, meetingId, pollId, receipt);
  }

  /** The results PDF (closed: chair, secretary, admins; published: every participant). */
  @Get('results.pdf')
  @Header('content-type', 'application/pdf')
  @Header('cache-control', 'private, no-store')
  async resultsPdf(
    @CurrentUser() user: AuthUser,
    @Param('meetingId', MeetingIdPipe) meetingId: string,
    @Param('pollId', PollIdPipe) pollId: string,
  ): Promise<StreamableFile> {
    const pdf = await this.polls.resultsPdf(user, meetingId, pollId);
    return new StreamableFile(Buffer.from(pdf), { disposition: `inline; filename="ket-qua-bieu-quyet.pdf"` });
  }
}
