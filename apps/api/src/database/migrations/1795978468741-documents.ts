import { MigrationInterface, QueryRunner } from 'typeorm';

export class Documents1795978468741 implements MigrationInterface {
  name = 'Documents1795978468741';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"document_blobs\" (\"sha256\" character varying(64) NOT NULL, \"size\" integer NOT NULL, \"chunk_count\" integer NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_71481aaeecdff1022faf81028cd\" PRIMARY KEY (\"sha256\"))");
    await queryRunner.query("CREATE TABLE \"document_blob_chunks\" (\"sha256\" character varying(64) NOT NULL, \"part\" integer NOT NULL, \"data\" bytea NOT NULL, CONSTRAINT \"PK_9e36ac46a5c76698d9f93c62705\" PRIMARY KEY (\"sha256\", \"part\"))");
    // PDFs and Office files are compressed already: store chunks out of line without trying to compress them again.
    await queryRunner.query("ALTER TABLE \"document_blob_chunks\" ALTER COLUMN \"data\" SET STORAGE EXTERNAL");
    await queryRunner.query("CREATE TABLE \"meeting_documents\" (\"id\" uuid NOT NULL, \"meeting_id\" uuid NOT NULL, \"agenda_item_id\" uuid, \"title\" character varying(300) NOT NULL, \"kind\" character varying(32) NOT NULL, \"access_level\" character varying(16) NOT NULL, \"reader_ids\" uuid array NOT NULL DEFAULT '{}', \"comment_deadline\" TIMESTAMP WITH TIME ZONE, \"current_version_id\" uuid NOT NULL, \"created_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"created_seq\" integer NOT NULL, \"removed_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"ck_meeting_documents_access\" CHECK (access_level IN ('all','named','confidential')), CONSTRAINT \"ck_meeting_documents_kind\" CHECK (kind IN ('proposal','draft_resolution','report','reference','other')), CONSTRAINT \"PK_87263cf3c23670926615b91ceb6\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_meeting_documents_meeting\" ON \"meeting_documents\" (\"meeting_id\", \"created_seq\") ");
    await queryRunner.query("CREATE TABLE \"document_versions\" (\"id\" uuid NOT NULL, \"document_id\" uuid NOT NULL, \"meeting_id\" uuid NOT NULL, \"number\" integer NOT NULL, \"original_name\" character varying(255) NOT NULL, \"media_type\" character varying(100) NOT NULL, \"size\" integer NOT NULL, \"sha256\" character varying(64) NOT NULL, \"reading_sha256\" character varying(64), \"page_count\" integer, \"status\" character varying(16) NOT NULL, \"failure_reason\" character varying(32), \"removed\" jsonb NOT NULL DEFAULT '[]', \"uploaded_by_id\" uuid NOT NULL, \"uploaded_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"ck_document_versions_failure\" CHECK (failure_reason IN ('timeout','converter_error','unsafe_result','interrupted')), CONSTRAINT \"ck_document_versions_status\" CHECK (status IN ('converting','ready','failed')), CONSTRAINT \"PK_baf26dab035c6d6fc433f9dc6a2\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_document_versions_meeting\" ON \"document_versions\" (\"meeting_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_document_versions_number\" ON \"document_versions\" (\"document_id\", \"number\") ");
    await queryRunner.query("ALTER TABLE \"document_blob_chunks\" ADD CONSTRAINT \"FK_3376d8cb55e8658eed1f26cf9b3\" FOREIGN KEY (\"sha256\") REFERENCES \"document_blobs\"(\"sha256\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"meeting_documents\" ADD CONSTRAINT \"FK_71ce465252b5177f3a8734a66de\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"meeting_documents\" ADD CONSTRAINT \"FK_dfc7a96833a5b8908c103596d7f\" FOREIGN KEY (\"agenda_item_id\") REFERENCES \"agenda_items\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"meeting_documents\" ADD CONSTRAINT \"FK_7a908366dc565241abcc447543d\" FOREIGN KEY (\"created_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"document_versions\" ADD CONSTRAINT \"FK_ac75577bca976d6d581b0f459b6\" FOREIGN KEY (\"document_id\") REFERENCES \"meeting_documents\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"document_versions\" ADD CONSTRAINT \"FK_753613bdd8439e97134c6a7c847\" FOREIGN KEY (\"sha256\") REFERENCES \"document_blobs\"(\"sha256\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"document_versions\" ADD CONSTRAINT \"FK_1c8fcf7ad0fba4b8f004f8ffe36\" FOREIGN KEY (\"reading_sha256\") REFERENCES \"document_blobs\"(\"sha256\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"document_versions\" ADD CONSTRAINT \"FK_7f96c9cf9146b0a0fb0ee4e7ac1\" FOREIGN KEY (\"uploaded_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"document_versions\" DROP CONSTRAINT \"FK_7f96c9cf9146b0a0fb0ee4e7ac1\"");
    await queryRunner.query("ALTER TABLE \"document_versions\" DROP CONSTRAINT \"FK_1c8fcf7ad0fba4b8f004f8ffe36\"");
    await queryRunner.query("ALTER TABLE \"document_versions\" DROP CONSTRAINT \"FK_753613bdd8439e97134c6a7c847\"");
    await queryRunner.query("ALTER TABLE \"document_versions\" DROP CONSTRAINT \"FK_ac75577bca976d6d581b0f459b6\"");
    await queryRunner.query("ALTER TABLE \"meeting_documents\" DROP CONSTRAINT \"FK_7a908366dc565241abcc447543d\"");
    await queryRunner.query("ALTER TABLE \"meeting_documents\" DROP CONSTRAINT \"FK_dfc7a96833a5b8908c103596d7f\"");
    await queryRunner.query("ALTER TABLE \"meeting_documents\" DROP CONSTRAINT \"FK_71ce465252b5177f3a8734a66de\"");
    await queryRunner.query("ALTER TABLE \"document_blob_chunks\" DROP CONSTRAINT \"FK_3376d8cb55e8658eed1f26cf9b3\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_document_versions_number\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_document_versions_meeting\"");
    await queryRunner.query("DROP TABLE \"document_versions\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_meeting_documents_meeting\"");
    await queryRunner.query("DROP TABLE \"meeting_documents\"");
    await queryRunner.query("DROP TABLE \"document_blob_chunks\"");
    await queryRunner.query("DROP TABLE \"document_blobs\"");
  }
}
