import { MigrationInterface, QueryRunner } from 'typeorm';

export class Speakers1795967938907 implements MigrationInterface {
  name = 'Speakers1795967938907';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"speaker_settings\" (\"meeting_id\" uuid NOT NULL, \"default_limit_seconds\" integer NOT NULL, CONSTRAINT \"PK_0db0a567aba9480f2db7bf5f66b\" PRIMARY KEY (\"meeting_id\"))");
    await queryRunner.query("CREATE TABLE \"speaker_item_settings\" (\"agenda_item_id\" uuid NOT NULL, \"meeting_id\" uuid NOT NULL, \"limit_seconds\" integer, \"closed\" boolean NOT NULL DEFAULT false, \"created_seq\" integer NOT NULL, CONSTRAINT \"PK_9251b72a5d3205413dd76f4a984\" PRIMARY KEY (\"agenda_item_id\"))");
    await queryRunner.query("CREATE INDEX \"ix_speaker_item_settings_meeting\" ON \"speaker_item_settings\" (\"meeting_id\", \"created_seq\") ");
    await queryRunner.query("CREATE TABLE \"speakers\" (\"id\" uuid NOT NULL, \"meeting_id\" uuid NOT NULL, \"agenda_item_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"kind\" character varying(16) NOT NULL, \"status\" character varying(16) NOT NULL, \"position\" integer NOT NULL, \"limit_seconds\" integer, \"requested_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"added_by_id\" uuid, \"started_at\" TIMESTAMP WITH TIME ZONE, \"ended_at\" TIMESTAMP WITH TIME ZONE, \"created_seq\" integer NOT NULL, CONSTRAINT \"ck_speakers_status\" CHECK (status IN ('waiting','speaking','done','withdrawn','removed')), CONSTRAINT \"ck_speakers_kind\" CHECK (kind IN ('opinion','support','oppose','question','point_of_order')), CONSTRAINT \"PK_b3818c94af77a0cf73403ecef14\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_speakers_one_speaking\" ON \"speakers\" (\"meeting_id\") WHERE status = 'speaking'");
    await queryRunner.query("CREATE INDEX \"ix_speakers_meeting\" ON \"speakers\" (\"meeting_id\", \"created_seq\") ");
    await queryRunner.query("ALTER TABLE \"speaker_settings\" ADD CONSTRAINT \"FK_0db0a567aba9480f2db7bf5f66b\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"speaker_item_settings\" ADD CONSTRAINT \"FK_9251b72a5d3205413dd76f4a984\" FOREIGN KEY (\"agenda_item_id\") REFERENCES \"agenda_items\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"speaker_item_settings\" ADD CONSTRAINT \"FK_ac947b6cd32481b46b6fafc03d6\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"speakers\" ADD CONSTRAINT \"FK_062f92b5508bbd2799cd8482bbe\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"speakers\" ADD CONSTRAINT \"FK_1fe82d91285a14cbe1a9c7e9c85\" FOREIGN KEY (\"agenda_item_id\") REFERENCES \"agenda_items\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"speakers\" ADD CONSTRAINT \"FK_ee8517e89ba41e578cb6fe1bd80\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"speakers\" DROP CONSTRAINT \"FK_ee8517e89ba41e578cb6fe1bd80\"");
    await queryRunner.query("ALTER TABLE \"speakers\" DROP CONSTRAINT \"FK_1fe82d91285a14cbe1a9c7e9c85\"");
    await queryRunner.query("ALTER TABLE \"speakers\" DROP CONSTRAINT \"FK_062f92b5508bbd2799cd8482bbe\"");
    await queryRunner.query("ALTER TABLE \"speaker_item_settings\" DROP CONSTRAINT \"FK_ac947b6cd32481b46b6fafc03d6\"");
    await queryRunner.query("ALTER TABLE \"speaker_item_settings\" DROP CONSTRAINT \"FK_9251b72a5d3205413dd76f4a984\"");
    await queryRunner.query("ALTER TABLE \"speaker_settings\" DROP CONSTRAINT \"FK_0db0a567aba9480f2db7bf5f66b\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_speakers_meeting\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_speakers_one_speaking\"");
    await queryRunner.query("DROP TABLE \"speakers\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_speaker_item_settings_meeting\"");
    await queryRunner.query("DROP TABLE \"speaker_item_settings\"");
    await queryRunner.query("DROP TABLE \"speaker_settings\"");
  }
}
