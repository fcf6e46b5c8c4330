import { MigrationInterface, QueryRunner } from 'typeorm';

export class Attendance1795966357206 implements MigrationInterface {
  name = 'Attendance1795966357206';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"attendance_records\" (\"meeting_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"status\" character varying(16) NOT NULL, \"absence_reason\" character varying(16), \"note\" character varying(500), \"proxy_holder_id\" uuid, \"method\" character varying(16) NOT NULL, \"marked_by_id\" uuid NOT NULL, \"marked_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"marked_seq\" integer NOT NULL, CONSTRAINT \"ck_attendance_records_method\" CHECK (method IN ('self','qr','secretary')), CONSTRAINT \"ck_attendance_records_reason\" CHECK (absence_reason IN ('business_trip','sick','personal','other')), CONSTRAINT \"ck_attendance_records_status\" CHECK (status IN ('present_room','present_online','late','absent','left')), CONSTRAINT \"PK_216841907ac4ef990c19bab1377\" PRIMARY KEY (\"meeting_id\", \"user_id\"))");
    await queryRunner.query("CREATE TABLE \"attendance_settings\" (\"meeting_id\" uuid NOT NULL, \"quorum_numerator\" smallint NOT NULL, \"quorum_denominator\" smallint NOT NULL, \"quorum_at_least\" boolean NOT NULL, \"proxies_allowed\" boolean NOT NULL, \"proxies_count\" boolean NOT NULL, CONSTRAINT \"ck_attendance_settings_fraction\" CHECK (quorum_numerator > 0 AND quorum_numerator <= quorum_denominator), CONSTRAINT \"PK_2c7fcf8f340146289ce36966e40\" PRIMARY KEY (\"meeting_id\"))");
    await queryRunner.query("ALTER TABLE \"attendance_records\" ADD CONSTRAINT \"FK_a3ca60d8ae64244789c0343092f\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"attendance_records\" ADD CONSTRAINT \"FK_10e9fc7100cb48ace47a91ee1ce\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"attendance_records\" ADD CONSTRAINT \"FK_41af322d7252f70038b9e99883e\" FOREIGN KEY (\"proxy_holder_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"attendance_records\" ADD CONSTRAINT \"FK_d09819aba4b79799d9991b5a1a6\" FOREIGN KEY (\"marked_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"attendance_settings\" ADD CONSTRAINT \"FK_2c7fcf8f340146289ce36966e40\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"attendance_settings\" DROP CONSTRAINT \"FK_2c7fcf8f340146289ce36966e40\"");
    await queryRunner.query("ALTER TABLE \"attendance_records\" DROP CONSTRAINT \"FK_d09819aba4b79799d9991b5a1a6\"");
    await queryRunner.query("ALTER TABLE \"attendance_records\" DROP CONSTRAINT \"FK_41af322d7252f70038b9e99883e\"");
    await queryRunner.query("ALTER TABLE \"attendance_records\" DROP CONSTRAINT \"FK_10e9fc7100cb48ace47a91ee1ce\"");
    await queryRunner.query("ALTER TABLE \"attendance_records\" DROP CONSTRAINT \"FK_a3ca60d8ae64244789c0343092f\"");
    await queryRunner.query("DROP TABLE \"attendance_settings\"");
    await queryRunner.query("DROP TABLE \"attendance_records\"");
  }
}
