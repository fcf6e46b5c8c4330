import { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentNotesAndComments1795979071430 implements MigrationInterface {
  name = 'DocumentNotesAndComments1795979071430';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"document_notes\" (\"id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"meeting_id\" uuid NOT NULL, \"document_id\" uuid NOT NULL, \"page\" integer NOT NULL, \"kind\" character varying(16) NOT NULL, \"body\" text, \"rects\" jsonb NOT NULL DEFAULT '[]', \"color\" character varying(16), \"quote\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"ck_document_notes_page\" CHECK (page >= 1), CONSTRAINT \"ck_document_notes_kind\" CHECK (kind IN ('note','highlight')), CONSTRAINT \"PK_adbdbbc24ed1ec89aa6199b45c7\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_document_notes_reader\" ON \"document_notes\" (\"user_id\", \"document_id\", \"page\") ");
    await queryRunner.query("CREATE TABLE \"document_comments\" (\"id\" uuid NOT NULL, \"meeting_id\" uuid NOT NULL, \"document_id\" uuid NOT NULL, \"author_id\" uuid NOT NULL, \"page\" integer, \"body\" text NOT NULL, \"body_sha256\" character(64) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"created_seq\" integer NOT NULL, \"withdrawn_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_200479d42efeede25a2355d7708\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_document_comments_meeting\" ON \"document_comments\" (\"meeting_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_document_comments_document\" ON \"document_comments\" (\"document_id\", \"created_seq\") ");
    await queryRunner.query("ALTER TABLE \"document_notes\" ADD CONSTRAINT \"FK_b43847bbb8cf27c98f75cd2aa1b\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"document_notes\" ADD CONSTRAINT \"FK_2f5b40c801a1cbe34cf2a113cb5\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"document_notes\" ADD CONSTRAINT \"FK_aa9827e0238b7c99b5393c8c417\" FOREIGN KEY (\"document_id\") REFERENCES \"meeting_documents\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"document_comments\" ADD CONSTRAINT \"FK_b3e4efe5e6e0eb12fff6925ab04\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"document_comments\" ADD CONSTRAINT \"FK_cc25441dacae9903dfb4bd9d15c\" FOREIGN KEY (\"document_id\") REFERENCES \"meeting_documents\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"document_comments\" ADD CONSTRAINT \"FK_33a6a97a1953a6daed4eca1cff6\" FOREIGN KEY (\"author_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"document_comments\" DROP CONSTRAINT \"FK_33a6a97a1953a6daed4eca1cff6\"");
    await queryRunner.query("ALTER TABLE \"document_comments\" DROP CONSTRAINT \"FK_cc25441dacae9903dfb4bd9d15c\"");
    await queryRunner.query("ALTER TABLE \"document_comments\" DROP CONSTRAINT \"FK_b3e4efe5e6e0eb12fff6925ab04\"");
    await queryRunner.query("ALTER TABLE \"document_notes\" DROP CONSTRAINT \"FK_aa9827e0238b7c99b5393c8c417\"");
    await queryRunner.query("ALTER TABLE \"document_notes\" DROP CONSTRAINT \"FK_2f5b40c801a1cbe34cf2a113cb5\"");
    await queryRunner.query("ALTER TABLE \"document_notes\" DROP CONSTRAINT \"FK_b43847bbb8cf27c98f75cd2aa1b\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_document_comments_document\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_document_comments_meeting\"");
    await queryRunner.query("DROP TABLE \"document_comments\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_document_notes_reader\"");
    await queryRunner.query("DROP TABLE \"document_notes\"");
  }
}
