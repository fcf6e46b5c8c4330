import { MeetingsAndEventLog1795714310259 } from './1795714310259-meetings-and-event-log';
import { Identity1795713467995 } from './1795713467995-identity';
import { OrganisersAndUnaccentSearch1795965948068 } from './1795965948068-organisers-and-unaccent-search';
/** Every migration, in order. New ones are appended by `npm run migration:generate -- <name>`. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Identity1795713467995,
  MeetingsAndEventLog1795714310259,
  OrganisersAndUnaccentSearch1795965948068,
];
