import { AuthSessionEntity } from '../modules/identity/auth-session.entity';
import { UserEntity } from '../modules/identity/user.entity';

/**
 * Every TypeORM entity, listed once. The data source, the tests and the migration drift check all
 * read this list, so an entity missing here is missing everywhere (and the drift check says so).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ENTITIES: Function[] = [UserEntity, AuthSessionEntity];
