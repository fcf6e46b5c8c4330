import { Polls1795980872017 } from './1795980872017-polls';
import { DisplayTokens1795971939947 } from './1795971939947-display-tokens';
import { Identity1795713467995 } from './1795713467995-identity';
import { MeetingsAndEventLog1795714310259 } from './1795714310259-meetings-and-event-log';
import { OrganisersAndUnaccentSearch1795965948068 } from './1795965948068-organisers-and-unaccent-search';
import { Attendance1795966357206 } from './1795966357206-attendance';
import { CommandReceiptsCreatedIndex1795966787407 } from './1795966787407-command-receipts-created-index';
import { AttendanceQrUses1795967475456 } from './1795967475456-attendance-qr-uses';
import { Speakers1795967938907 } from './1795967938907-speakers';
/** Every migration, in order. New ones are appended by `npm run migration:generate -- <name>`. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Identity1795713467995,
  MeetingsAndEventLog1795714310259,
  OrganisersAndUnaccentSearch1795965948068,
  Attendance1795966357206,
  CommandReceiptsCreatedIndex1795966787407,
  AttendanceQrUses1795967475456,
  Speakers1795967938907,
  DisplayTokens1795971939947,
  Polls1795980872017,
];
