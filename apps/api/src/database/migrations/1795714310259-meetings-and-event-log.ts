import { MigrationInterface, QueryRunner } from 'typeorm';

export class MeetingsAndEventLog1795714310259 implements MigrationInterface {
  name = 'MeetingsAndEventLog1795714310259';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"meetings\" (\"id\" uuid NOT NULL, \"title\" character varying(300) NOT NULL, \"kind\" character varying(32) NOT NULL, \"organizer_unit\" character varying(160) NOT NULL DEFAULT '', \"starts_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ends_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"location\" character varying(200), \"online\" boolean NOT NULL DEFAULT false, \"description\" text NOT NULL DEFAULT '', \"status\" character varying(16) NOT NULL DEFAULT 'draft', \"last_seq\" integer NOT NULL DEFAULT '0', \"last_hash\" character(64) NOT NULL, \"created_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_meetings_times\" CHECK (ends_at > starts_at), CONSTRAINT \"ck_meetings_kind\" CHECK (kind IN ('party_committee','people_committee','thematic','other')), CONSTRAINT \"ck_meetings_status\" CHECK (status IN ('draft','scheduled','live','ended','closed','archived')), CONSTRAINT \"PK_aa73be861afa77eb4ed31f3ed57\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_meetings_starts_at\" ON \"meetings\" (\"starts_at\") ");
    await queryRunner.query("CREATE TABLE \"agenda_items\" (\"id\" uuid NOT NULL, \"meeting_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"title\" character varying(300) NOT NULL, \"description\" text NOT NULL DEFAULT '', \"presenter_id\" uuid, \"planned_minutes\" integer NOT NULL DEFAULT '15', \"status\" character varying(16) NOT NULL DEFAULT 'pending', \"started_at\" TIMESTAMP WITH TIME ZONE, \"ended_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"uq_agenda_items_meeting_position\" UNIQUE (\"meeting_id\", \"position\") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT \"ck_agenda_items_position\" CHECK (position > 0), CONSTRAINT \"ck_agenda_items_status\" CHECK (status IN ('pending','active','done','skipped')), CONSTRAINT \"PK_7274c40301175b4b4b347820d0c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_agenda_items_one_active\" ON \"agenda_items\" (\"meeting_id\") WHERE status = 'active'");
    await queryRunner.query("CREATE TABLE \"calendar_feeds\" (\"user_id\" uuid NOT NULL, \"token\" character varying(64) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_3212ce9ff23847e66347a6730d3\" PRIMARY KEY (\"user_id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_calendar_feeds_token\" ON \"calendar_feeds\" (\"token\") ");
    await queryRunner.query("CREATE TABLE \"command_receipts\" (\"actor_id\" uuid NOT NULL, \"idempotency_key\" uuid NOT NULL, \"meeting_id\" uuid NOT NULL, \"command\" character varying(64) NOT NULL, \"request_hash\" character(64) NOT NULL, \"response\" jsonb NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"pk_command_receipts\" PRIMARY KEY (\"actor_id\", \"idempotency_key\"))");
    await queryRunner.query("CREATE TABLE \"meeting_events\" (\"meeting_id\" uuid NOT NULL, \"seq\" integer NOT NULL, \"type\" character varying(64) NOT NULL, \"payload\" jsonb NOT NULL, \"actor_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"prev_hash\" character(64) NOT NULL, \"hash\" character(64) NOT NULL, CONSTRAINT \"PK_fa8d79695a62ea5d27d2e172272\" PRIMARY KEY (\"meeting_id\", \"seq\"))");
    await queryRunner.query("CREATE TABLE \"meeting_participants\" (\"meeting_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"role\" character varying(16) NOT NULL, \"invitation\" character varying(16) NOT NULL DEFAULT 'pending', \"decline_reason\" character varying(500), \"responded_at\" TIMESTAMP WITH TIME ZONE, \"added_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"added_seq\" integer NOT NULL, CONSTRAINT \"ck_meeting_participants_invitation\" CHECK (invitation IN ('pending','accepted','declined')), CONSTRAINT \"ck_meeting_participants_role\" CHECK (role IN ('chair','secretary','delegate','guest')), CONSTRAINT \"PK_1bb0b6aa22bca1e77bfcafb6c38\" PRIMARY KEY (\"meeting_id\", \"user_id\"))");
    await queryRunner.query("CREATE INDEX \"ix_meeting_participants_user\" ON \"meeting_participants\" (\"user_id\") ");
    await queryRunner.query("CREATE TABLE \"notifications\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"kind\" character varying(32) NOT NULL, \"meeting_id\" uuid, \"payload\" jsonb NOT NULL, \"read_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_6a72c3c0f683f6462415e653c3a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_notifications_user_created\" ON \"notifications\" (\"user_id\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"meetings\" ADD CONSTRAINT \"FK_6cd493a238ec7f06c3c1554e3aa\" FOREIGN KEY (\"created_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"agenda_items\" ADD CONSTRAINT \"FK_c58f166b8bff4fd19c5353cd310\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"agenda_items\" ADD CONSTRAINT \"FK_ed8f48b855f7af333dc93febd09\" FOREIGN KEY (\"presenter_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"calendar_feeds\" ADD CONSTRAINT \"FK_3212ce9ff23847e66347a6730d3\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"meeting_events\" ADD CONSTRAINT \"FK_504fc26761f3670f5dbf983250a\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"meeting_participants\" ADD CONSTRAINT \"FK_4d2e803caeb25541cc89f2efa5b\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"meeting_participants\" ADD CONSTRAINT \"FK_4743681bb404d50f8000e2a8228\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"FK_9a8a82462cab47c73d25f49261f\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"FK_2f287864a4a7eb69aa90128c5fa\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    // Hand-written: the event log is append-only. The hash chain detects changes; this refuses them
    // outright for everyone who does not first disable the trigger (which needs the table owner).
    await queryRunner.query(`CREATE FUNCTION meeting_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'meeting_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER meeting_events_append_only BEFORE UPDATE OR DELETE ON meeting_events FOR EACH ROW EXECUTE FUNCTION meeting_events_append_only()',
    );
    await queryRunner.query(
      'CREATE TRIGGER meeting_events_no_truncate BEFORE TRUNCATE ON meeting_events FOR EACH STATEMENT EXECUTE FUNCTION meeting_events_append_only()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER meeting_events_no_truncate ON meeting_events');
    await queryRunner.query('DROP TRIGGER meeting_events_append_only ON meeting_events');
    await queryRunner.query('DROP FUNCTION meeting_events_append_only()');
    await queryRunner.query("ALTER TABLE \"notifications\" DROP CONSTRAINT \"FK_2f287864a4a7eb69aa90128c5fa\"");
    await queryRunner.query("ALTER TABLE \"notifications\" DROP CONSTRAINT \"FK_9a8a82462cab47c73d25f49261f\"");
    await queryRunner.query("ALTER TABLE \"meeting_participants\" DROP CONSTRAINT \"FK_4743681bb404d50f8000e2a8228\"");
    await queryRunner.query("ALTER TABLE \"meeting_participants\" DROP CONSTRAINT \"FK_4d2e803caeb25541cc89f2efa5b\"");
    await queryRunner.query("ALTER TABLE \"meeting_events\" DROP CONSTRAINT \"FK_504fc26761f3670f5dbf983250a\"");
    await queryRunner.query("ALTER TABLE \"calendar_feeds\" DROP CONSTRAINT \"FK_3212ce9ff23847e66347a6730d3\"");
    await queryRunner.query("ALTER TABLE \"agenda_items\" DROP CONSTRAINT \"FK_ed8f48b855f7af333dc93febd09\"");
    await queryRunner.query("ALTER TABLE \"agenda_items\" DROP CONSTRAINT \"FK_c58f166b8bff4fd19c5353cd310\"");
    await queryRunner.query("ALTER TABLE \"meetings\" DROP CONSTRAINT \"FK_6cd493a238ec7f06c3c1554e3aa\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_notifications_user_created\"");
    await queryRunner.query("DROP TABLE \"notifications\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_meeting_participants_user\"");
    await queryRunner.query("DROP TABLE \"meeting_participants\"");
    await queryRunner.query("DROP TABLE \"meeting_events\"");
    await queryRunner.query("DROP TABLE \"command_receipts\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_calendar_feeds_token\"");
    await queryRunner.query("DROP TABLE \"calendar_feeds\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_agenda_items_one_active\"");
    await queryRunner.query("DROP TABLE \"agenda_items\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_meetings_starts_at\"");
    await queryRunner.query("DROP TABLE \"meetings\"");
  }
}
