import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 6: the organiser permission on accounts, and search that ignores diacritics and Unicode
 * forms through PostgreSQL's `unaccent` (a trusted contrib extension, shipped with the embedded
 * server and Debian's PostgreSQL; trusted since PostgreSQL 13, so the database owner may create it).
 */
export class OrganisersAndUnaccentSearch1795965948068 implements MigrationInterface {
  name = 'OrganisersAndUnaccentSearch1795965948068';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" ADD "can_organise" boolean NOT NULL DEFAULT false');
    // Whoever already created a meeting keeps the ability: an upgrade must not lock out a ward's secretary.
    await queryRunner.query(
      'UPDATE "users" SET "can_organise" = true WHERE "id" IN (SELECT DISTINCT "created_by_id" FROM "meetings")',
    );
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public');
    // unaccent() is STABLE (it reads its dictionary); with the dictionary named explicitly the result
    // depends only on the input, so the wrapper may be IMMUTABLE and is usable in indexes later.
    // NFC first so text stored or typed in any normal form folds the same; unaccent also drops
    // combining marks left over, maps đ/Đ to d/D; lower() last.
    await queryRunner.query(`CREATE FUNCTION search_fold(value text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, normalize(value, NFC))) $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION IF EXISTS search_fold(text)');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "can_organise"');
  }
}
