import { CommandReceiptsCreatedIndex1795966787407 } from './1795966787407-command-receipts-created-index';
import { Speakers1795967938907 } from './1795967938907-speakers';
import { AttendanceQrUses1795967475456 } from './1795967475456-attendance-qr-uses';
import { Attendance1795966357206 } from './1795966357206-attendance';
import { MeetingsAndEventLog1795714310259 } from './1795714310259-meetings-and-event-log';
import { Identity1795713467995 } from './1795713467995-identity';
/** Every migration, in order. New ones are appended by `npm run migration:generate -- <name>`. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Identity1795713467995,
  MeetingsAndEventLog1795714310259,
  CommandReceiptsCreatedIndex1795966787407,
  Attendance1795966357206,
  AttendanceQrUses1795967475456,
  Speakers1795967938907,
];
