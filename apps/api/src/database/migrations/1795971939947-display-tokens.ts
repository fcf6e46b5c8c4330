import { MigrationInterface, QueryRunner } from 'typeorm';

export class DisplayTokens1795971939947 implements MigrationInterface {
  name = 'DisplayTokens1795971939947';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"display_tokens\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"meeting_id\" uuid NOT NULL, \"token_hash\" character(64) NOT NULL, \"label\" character varying(100), \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_72610231546d0d012e36c11faa1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_display_tokens_meeting\" ON \"display_tokens\" (\"meeting_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_display_tokens_hash\" ON \"display_tokens\" (\"token_hash\") ");
    await queryRunner.query("ALTER TABLE \"display_tokens\" ADD CONSTRAINT \"FK_540677f49328e555dcd2e37a3e8\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"display_tokens\" ADD CONSTRAINT \"FK_b9f418ac70bf485fad53d67870e\" FOREIGN KEY (\"created_by\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"display_tokens\" DROP CONSTRAINT \"FK_b9f418ac70bf485fad53d67870e\"");
    await queryRunner.query("ALTER TABLE \"display_tokens\" DROP CONSTRAINT \"FK_540677f49328e555dcd2e37a3e8\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_display_tokens_hash\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_display_tokens_meeting\"");
    await queryRunner.query("DROP TABLE \"display_tokens\"");
  }
}
