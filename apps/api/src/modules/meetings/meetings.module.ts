import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/agenda.module';
import { AttendanceModule } from '../attendance/attendance.module';
import { SpeakersModule } from '../speakers/speakers.module';
import { PollsModule } from '../polls/polls.module';
import { DocumentsModule } from '../documents/documents.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { MeetingRosterController } from './meeting-roster.controller';
import { PresentationModule } from '../presentation/presentation.module';
import { MeetingPresenceService } from './meeting-presence.service';
import { MeetingReadService } from './meeting-read.service';
import { MeetingRoomService } from './meeting-room.service';
import { ParticipantIdsCache } from './participant-ids-cache';
import { MeetingsController } from './meetings.controller';
import { MeetingsGateway } from './meetings.gateway';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { DocumentCommentCountsRepository } from '../document-notes/document-comment-counts.repository';

@Module({
  imports: [
    AgendaModule,
    AttendanceModule,
    SpeakersModule,
    NotificationsModule,
    PollsModule,
    DocumentsModule,
    PresentationModule,
  ],
  controllers: [MeetingsController, MeetingRosterController],
  providers: [
    MeetingsRepository,
    MeetingsService,
    MeetingReadService,
    MeetingPresenceService,
    MeetingRoomService,
    ParticipantIdsCache,
    MeetingsGateway,
    // docs-notes: the comment counts slice of the snapshot (one query, no other dependency)
    DocumentCommentCountsRepository,
  ],
  exports: [MeetingsRepository, MeetingsService, MeetingReadService, MeetingPresenceService],
})
export class MeetingsModule {}
