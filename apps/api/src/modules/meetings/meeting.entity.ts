import type { MeetingKind, MeetingStatus } from '@phonghop/common';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../identity/user.entity';

/**
 * One meeting. `lastSeq` and `lastHash` are the head of the meeting's event log: every command
 * locks this row, appends event `lastSeq + 1` chained to `lastHash`, and moves the head — so the
 * row lock is what orders a meeting's events.
 */
@Entity('meetings')
@Check('ck_meetings_status', `status IN ('draft','scheduled','live','ended','closed','archived')`)
@Check('ck_meetings_kind', `kind IN ('party_committee','people_committee','thematic','other')`)
@Check('ck_meetings_times', 'ends_at > starts_at')
export class MeetingEntity {
  /** Made by the server before the insert, so the creating command knows its meeting id. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 32 })
  kind: MeetingKind;

  @Column({ type: 'varchar', length: 160, default: '' })
  organizerUnit: string;

  @Index('ix_meetings_starts_at')
  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 200, nullable: true })
  location: string | null;

  @Column({ type: 'boolean', default: false })
  online: boolean;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: MeetingStatus;

  @Column({ type: 'integer', default: 0 })
  lastSeq: number;

  /** Hash of event `lastSeq` (64 zeros before the first). */
  @Column({ type: 'char', length: 64 })
  lastHash: string;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
