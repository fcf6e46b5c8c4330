import { MigrationInterface, QueryRunner } from 'typeorm';

/** Lets the background purge find old idempotency receipts without scanning the table. */
export class CommandReceiptsCreatedIndex1795966787407 implements MigrationInterface {
  name = 'CommandReceiptsCreatedIndex1795966787407';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "ix_command_receipts_created_at" ON "command_receipts" ("created_at") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_command_receipts_created_at"');
  }
}
