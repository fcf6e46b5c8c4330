import { MigrationInterface, QueryRunner } from 'typeorm';

export class AttendanceQrUses1795967475456 implements MigrationInterface {
  name = 'AttendanceQrUses1795967475456';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"attendance_qr_uses\" (\"meeting_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"window\" bigint NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_c955f1256216c0614417d9477c7\" PRIMARY KEY (\"meeting_id\", \"user_id\", \"window\"))");
    await queryRunner.query("ALTER TABLE \"attendance_qr_uses\" ADD CONSTRAINT \"FK_467d7e50bfa8fab8b2c12a6025d\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"attendance_qr_uses\" ADD CONSTRAINT \"FK_c0bf93a22d43cbcc4defa394a30\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"attendance_qr_uses\" DROP CONSTRAINT \"FK_c0bf93a22d43cbcc4defa394a30\"");
    await queryRunner.query("ALTER TABLE \"attendance_qr_uses\" DROP CONSTRAINT \"FK_467d7e50bfa8fab8b2c12a6025d\"");
    await queryRunner.query("DROP TABLE \"attendance_qr_uses\"");
  }
}
