import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795713467995 implements MigrationInterface {
  name = 'Identity1795713467995';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"username\" character varying(64) NOT NULL, \"password_hash\" character varying(200) NOT NULL, \"full_name\" character varying(120) NOT NULL, \"title\" character varying(120) NOT NULL DEFAULT '', \"unit\" character varying(160) NOT NULL DEFAULT '', \"email\" character varying(200), \"phone\" character varying(20), \"active\" boolean NOT NULL DEFAULT true, \"system_role\" character varying(16) NOT NULL DEFAULT 'member', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_users_username\" ON \"users\" (\"username\") ");
    await queryRunner.query("CREATE TABLE \"auth_sessions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"refresh_hash\" character varying(64) NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"revoked_reason\" character varying(32), \"ip\" character varying(64), \"user_agent\" character varying(300), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"last_used_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_641507381f32580e8479efc36cd\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_auth_sessions_user\" ON \"auth_sessions\" (\"user_id\") ");
    await queryRunner.query("ALTER TABLE \"auth_sessions\" ADD CONSTRAINT \"FK_50ccaa6440288a06f0ba693ccc6\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"auth_sessions\" DROP CONSTRAINT \"FK_50ccaa6440288a06f0ba693ccc6\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_auth_sessions_user\"");
    await queryRunner.query("DROP TABLE \"auth_sessions\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_users_username\"");
    await queryRunner.query("DROP TABLE \"users\"");
  }
}
