import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MeetingEntity } from '../meetings/meeting.entity';

/**
 * The meeting event log: one row per accepted command, numbered per meeting and chained by hash
 * (`hash = sha256(prevHash, canonical event)`). Rows are only ever inserted; a trigger refuses
 * UPDATE and DELETE, and the chain makes any change made around it visible to `audit:verify`.
 */
@Entity('meeting_events')
export class MeetingEventEntity {
  @PrimaryColumn({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ type: 'jsonb' })
  payload: unknown;

  /** Null for events the system made. Not a foreign key: the record outlives any account. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
