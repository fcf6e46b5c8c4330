import { Global, Module } from '@nestjs/common';
import { MeetingAccessService } from './meeting-access.service';
import { MeetingCommandQueue } from './meeting-command-queue';
import { MeetingCommandService } from './meeting-command.service';
import { MeetingEventsRepository } from './meeting-events.repository';
import { ReceiptPurgeService } from './receipt-purge.service';

/**
 * The meeting event log and the one command path onto it. Global, because every meeting domain
 * (meetings, agenda, and later documents, attendance, speakers, polls, media, minutes) appends
 * through it.
 */
@Global()
@Module({
  providers: [
    MeetingAccessService,
    MeetingEventsRepository,
    MeetingCommandService,
    MeetingCommandQueue,
    ReceiptPurgeService,
  ],
  exports: [MeetingAccessService, MeetingEventsRepository, MeetingCommandService],
})
export class MeetingEventsModule {}
