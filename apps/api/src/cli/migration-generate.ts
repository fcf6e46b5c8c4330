import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { pendingSchemaChanges, runMigrations } from '../database/data-source';

/**
 * `npm run migration:generate -- <kebab-name>`: applies the existing migrations to a scratch
 * database, asks TypeORM what SQL would bring it in line with the entities, and writes that as a
 * new migration file (and registers it in migrations/index.ts). Needs a PostgreSQL server:
 * DATABASE_URL (any database on it; a scratch database is created beside it and dropped).
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9-]+$/.test(name)) throw new Error('usage: migration:generate <kebab-name>');
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = `migration_gen_${Date.now()}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  const url = new URL(base);
  url.pathname = `/${scratch}`;
  try {
    await runMigrations(url.toString());
    const { up, down } = await pendingSchemaChanges(url.toString());
    if (up.length === 0) {
      console.log('No changes: entities and migrations agree.');
      return;
    }
    const epoch = Date.now();
    const className = name.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()) + epoch;
    const q = (s: string) => '    await queryRunner.query(' + JSON.stringify(s) + ');';
    const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map(q).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down.reverse().map(q).join('\n')}
  }
}
`;
    const dir = path.resolve(__dirname, '../../src/database/migrations');
    const file = `${epoch}-${name}`;
    fs.writeFileSync(path.join(dir, `${file}.ts`), body);
    const indexFile = path.join(dir, 'index.ts');
    let index = fs.readFileSync(indexFile, 'utf8');
    index = `import { ${className} } from './${file}';\n` + index;
    index = index
      .replace(/\];\s*$/, (m) => `  ${className},\n${m}`)
      .replace('[\n  ', '[\n  ')
      .replace('[  ', '[\n  ');
    fs.writeFileSync(indexFile, index);
    console.log(`Wrote src/database/migrations/${file}.ts (${up.length} statements)`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
