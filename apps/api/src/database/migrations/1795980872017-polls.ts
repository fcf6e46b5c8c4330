import { MigrationInterface, QueryRunner } from 'typeorm';

export class Polls1795980872017 implements MigrationInterface {
  name = 'Polls1795980872017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"polls\" (\"id\" uuid NOT NULL, \"meeting_id\" uuid NOT NULL, \"agenda_item_id\" uuid, \"title\" character varying(300) NOT NULL, \"description\" text, \"kind\" character varying(16) NOT NULL, \"secret\" boolean NOT NULL, \"options\" jsonb NOT NULL, \"max_choices\" integer NOT NULL, \"seats\" integer, \"rule\" jsonb NOT NULL, \"allow_change\" boolean NOT NULL, \"show_live_tally\" boolean NOT NULL, \"duration_seconds\" integer, \"status\" character varying(16) NOT NULL, \"created_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"opened_at\" TIMESTAMP WITH TIME ZONE, \"closes_at\" TIMESTAMP WITH TIME ZONE, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"published_at\" TIMESTAMP WITH TIME ZONE, \"members\" integer, \"quorum\" jsonb, \"result\" jsonb, \"ballots_hash\" character varying(64), \"receipts\" jsonb, \"votes\" jsonb, \"created_seq\" integer NOT NULL, CONSTRAINT \"ck_polls_secret_hides\" CHECK (NOT secret OR (NOT allow_change AND NOT show_live_tally AND votes IS NULL)), CONSTRAINT \"ck_polls_status\" CHECK (status IN ('draft','open','closed','published')), CONSTRAINT \"ck_polls_kind\" CHECK (kind IN ('yes_no_abstain','single','multiple','election')), CONSTRAINT \"PK_b9bbb8fc7b142553c518ddffbb6\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_polls_meeting\" ON \"polls\" (\"meeting_id\", \"created_seq\") ");
    await queryRunner.query("CREATE TABLE \"poll_voters\" (\"poll_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"holder_id\" uuid NOT NULL, \"late\" boolean NOT NULL, \"position\" integer NOT NULL, CONSTRAINT \"PK_b4e1d41a3b2442977cd9a17e0ea\" PRIMARY KEY (\"poll_id\", \"user_id\"))");
    await queryRunner.query("CREATE INDEX \"ix_poll_voters_holder\" ON \"poll_voters\" (\"poll_id\", \"holder_id\") ");
    await queryRunner.query("CREATE TABLE \"poll_ballots\" (\"poll_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"cast_by_id\" uuid NOT NULL, \"choices\" jsonb NOT NULL, \"receipt\" character varying(11) NOT NULL, \"idempotency_key\" uuid NOT NULL, \"previous_keys\" uuid array NOT NULL DEFAULT '{}', \"cast_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_99d2fd9f554c7ac43261e77dc3d\" PRIMARY KEY (\"poll_id\", \"user_id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_poll_ballots_receipt\" ON \"poll_ballots\" (\"poll_id\", \"receipt\") ");
    await queryRunner.query("CREATE TABLE \"poll_secret_markers\" (\"poll_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, CONSTRAINT \"PK_dae904a2d351a6b14a7d4744e40\" PRIMARY KEY (\"poll_id\", \"user_id\"))");
    await queryRunner.query("CREATE TABLE \"poll_ballot_box\" (\"id\" uuid NOT NULL, \"poll_id\" uuid NOT NULL, \"choices\" jsonb NOT NULL, \"receipt\" character varying(11) NOT NULL, CONSTRAINT \"PK_9b878efc49e6f347788fd75f59a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_poll_ballot_box_receipt\" ON \"poll_ballot_box\" (\"poll_id\", \"receipt\") ");
    await queryRunner.query("CREATE TABLE \"poll_secret_ballots\" (\"poll_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"choices\" jsonb NOT NULL, \"receipt\" character varying(11) NOT NULL, CONSTRAINT \"PK_00008d625a57a3298be3dfc3f3a\" PRIMARY KEY (\"poll_id\", \"position\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_poll_secret_ballots_receipt\" ON \"poll_secret_ballots\" (\"poll_id\", \"receipt\") ");
    await queryRunner.query("ALTER TABLE \"polls\" ADD CONSTRAINT \"FK_e627a5f5166c7119cfc332ad1e1\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"polls\" ADD CONSTRAINT \"FK_0d467087bfa0e614559bc140320\" FOREIGN KEY (\"agenda_item_id\") REFERENCES \"agenda_items\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"poll_voters\" ADD CONSTRAINT \"FK_028f7a60e4ef19154608e20a83f\" FOREIGN KEY (\"poll_id\") REFERENCES \"polls\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"poll_voters\" ADD CONSTRAINT \"FK_d919a901b50a278220986993195\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"poll_ballots\" ADD CONSTRAINT \"FK_99d2fd9f554c7ac43261e77dc3d\" FOREIGN KEY (\"poll_id\", \"user_id\") REFERENCES \"poll_voters\"(\"poll_id\",\"user_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"poll_secret_markers\" ADD CONSTRAINT \"FK_dae904a2d351a6b14a7d4744e40\" FOREIGN KEY (\"poll_id\", \"user_id\") REFERENCES \"poll_voters\"(\"poll_id\",\"user_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"poll_secret_ballots\" ADD CONSTRAINT \"FK_62c7bed49e1bc01cbb5931bbf13\" FOREIGN KEY (\"poll_id\") REFERENCES \"polls\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"poll_secret_ballots\" DROP CONSTRAINT \"FK_62c7bed49e1bc01cbb5931bbf13\"");
    await queryRunner.query("ALTER TABLE \"poll_secret_markers\" DROP CONSTRAINT \"FK_dae904a2d351a6b14a7d4744e40\"");
    await queryRunner.query("ALTER TABLE \"poll_ballots\" DROP CONSTRAINT \"FK_99d2fd9f554c7ac43261e77dc3d\"");
    await queryRunner.query("ALTER TABLE \"poll_voters\" DROP CONSTRAINT \"FK_d919a901b50a278220986993195\"");
    await queryRunner.query("ALTER TABLE \"poll_voters\" DROP CONSTRAINT \"FK_028f7a60e4ef19154608e20a83f\"");
    await queryRunner.query("ALTER TABLE \"polls\" DROP CONSTRAINT \"FK_0d467087bfa0e614559bc140320\"");
    await queryRunner.query("ALTER TABLE \"polls\" DROP CONSTRAINT \"FK_e627a5f5166c7119cfc332ad1e1\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_poll_secret_ballots_receipt\"");
    await queryRunner.query("DROP TABLE \"poll_secret_ballots\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_poll_ballot_box_receipt\"");
    await queryRunner.query("DROP TABLE \"poll_ballot_box\"");
    await queryRunner.query("DROP TABLE \"poll_secret_markers\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_poll_ballots_receipt\"");
    await queryRunner.query("DROP TABLE \"poll_ballots\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_poll_voters_holder\"");
    await queryRunner.query("DROP TABLE \"poll_voters\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_polls_meeting\"");
    await queryRunner.query("DROP TABLE \"polls\"");
  }
}
