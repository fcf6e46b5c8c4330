import { pendingSchemaChanges } from '../src/database/data-source';
import { createTestDatabase, TestDatabase } from './test-database';

/**
 * The drift check: after every migration has run, TypeORM must find nothing to change between the
 * entities and the database. A new or changed entity without its migration fails here, with the
 * SQL that is missing (run `npm run migration:generate -- <name>` to write it).
 */
describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('leave no difference between the entities and the schema', async () => {
    const { up } = await pendingSchemaChanges(db.url);
    expect(up).toEqual([]);
  });
});
