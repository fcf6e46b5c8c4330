import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SystemRole } from '@phonghop/common';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_users_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 120 })
  fullName: string;

  /** Chức vụ. */
  @Column({ type: 'varchar', length: 120, default: '' })
  title: string;

  /** Đơn vị. */
  @Column({ type: 'varchar', length: 160, default: '' })
  unit: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'varchar', length: 16, default: 'member' })
  systemRole: SystemRole;

  /** Người tổ chức: may create and prepare meetings (thư ký). Admins always may. */
  @Column({ type: 'boolean', default: false })
  canOrganise: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
