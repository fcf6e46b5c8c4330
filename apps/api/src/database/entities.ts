import { AgendaItemEntity } from '../modules/agenda/agenda-item.entity';
import { AttendanceRecordEntity } from '../modules/attendance/attendance-record.entity';
import { AttendanceQrUseEntity } from '../modules/attendance/attendance-qr-use.entity';
import { AttendanceSettingsEntity } from '../modules/attendance/attendance-settings.entity';
import {
  SpeakerItemSettingsEntity,
  SpeakerSettingsEntity,
} from '../modules/speakers/speaker-settings.entity';
import { SpeakerEntity } from '../modules/speakers/speaker.entity';
import { DisplayTokenEntity } from '../modules/displays/display-token.entity';
import { CalendarFeedEntity } from '../modules/calendar/calendar-feed.entity';
import { AuthSessionEntity } from '../modules/identity/auth-session.entity';
import { UserEntity } from '../modules/identity/user.entity';
// document copies and leak tracing (issue 10)
import { DocumentCopyEntity } from '../modules/document-copies/document-copy.entity';
import { CommandReceiptEntity } from '../modules/meeting-events/command-receipt.entity';
import { MeetingEventEntity } from '../modules/meeting-events/meeting-event.entity';
import { MeetingParticipantEntity } from '../modules/meetings/meeting-participant.entity';
import { MeetingEntity } from '../modules/meetings/meeting.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { DocumentBlobChunkEntity, DocumentBlobEntity } from '../modules/documents/document-blob.entity';
import { DocumentVersionEntity } from '../modules/documents/document-version.entity';
import { MeetingDocumentEntity } from '../modules/documents/meeting-document.entity';
import { DocumentNoteEntity } from '../modules/document-notes/document-note.entity';
import { DocumentCommentEntity } from '../modules/document-notes/document-comment.entity';

/**
 * Every TypeORM entity, listed once. The data source, the tests and the migration drift check all
 * read this list, so an entity missing here is missing everywhere (and the drift check says so).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ENTITIES: Function[] = [
  UserEntity,
  AuthSessionEntity,
  // meetings, agenda and the meeting event log (issue 3)
  MeetingEntity,
  MeetingParticipantEntity,
  AgendaItemEntity,
  MeetingEventEntity,
  CommandReceiptEntity,
  NotificationEntity,
  CalendarFeedEntity,
  // attendance and quorum (issue 8)
  AttendanceRecordEntity,
  AttendanceSettingsEntity,
  AttendanceQrUseEntity,
  // the list of speakers (issue 8)
  SpeakerEntity,
  SpeakerSettingsEntity,
  SpeakerItemSettingsEntity,
  // room displays (issue 8)
  DisplayTokenEntity,
  // meeting documents (issue 10)
  DocumentBlobEntity,
  DocumentBlobChunkEntity,
  MeetingDocumentEntity,
  DocumentVersionEntity,
  // document copies and leak tracing (issue 10)
  DocumentCopyEntity,
  // private notes and comments on drafts (issue 10, docs-notes)
  DocumentNoteEntity,
  DocumentCommentEntity,
];
