import { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentCopies1795979147054 implements MigrationInterface {
  name = 'DocumentCopies1795979147054';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"document_copies\" (\"code\" character varying(8) NOT NULL, \"meeting_id\" uuid NOT NULL, \"document_id\" uuid NOT NULL, \"version_id\" uuid NOT NULL, \"reader_id\" uuid NOT NULL, \"reader_name\" character varying(120) NOT NULL, \"reader_unit\" character varying(160), \"route\" character varying(16) NOT NULL, \"issued_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"ck_document_copies_route\" CHECK (route IN ('view','download','pages')), CONSTRAINT \"PK_ff10fe1c9ecb1fa5cb5911efefe\" PRIMARY KEY (\"code\"))");
    await queryRunner.query("CREATE INDEX \"ix_document_copies_reuse\" ON \"document_copies\" (\"version_id\", \"reader_id\", \"route\", \"issued_at\") ");
    await queryRunner.query("ALTER TABLE \"document_copies\" ADD CONSTRAINT \"FK_216202d8871fa32e007e8203ded\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"document_copies\" ADD CONSTRAINT \"FK_18753798e6123a439429d3fab3b\" FOREIGN KEY (\"document_id\") REFERENCES \"meeting_documents\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"document_copies\" ADD CONSTRAINT \"FK_98f9e09fc22bad47133df4807e7\" FOREIGN KEY (\"version_id\") REFERENCES \"document_versions\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"document_copies\" ADD CONSTRAINT \"FK_adba298b665f8e10c7d2d92af01\" FOREIGN KEY (\"reader_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"document_copies\" DROP CONSTRAINT \"FK_adba298b665f8e10c7d2d92af01\"");
    await queryRunner.query("ALTER TABLE \"document_copies\" DROP CONSTRAINT \"FK_98f9e09fc22bad47133df4807e7\"");
    await queryRunner.query("ALTER TABLE \"document_copies\" DROP CONSTRAINT \"FK_18753798e6123a439429d3fab3b\"");
    await queryRunner.query("ALTER TABLE \"document_copies\" DROP CONSTRAINT \"FK_216202d8871fa32e007e8203ded\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_document_copies_reuse\"");
    await queryRunner.query("DROP TABLE \"document_copies\"");
  }
}
