import type { AgendaItemStatus } from '@phonghop/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { MeetingEntity } from '../meetings/meeting.entity';

/**
 * One item of a meeting's agenda. Positions are dense (1..n); the unique constraint is deferred so a
 * reorder can move every position in one statement. The current item is the one with status
 * `active` — at most one per meeting, enforced by a partial unique index.
 */
@Entity('agenda_items')
@Unique('uq_agenda_items_meeting_position', ['meetingId', 'position'], { deferrable: 'INITIALLY DEFERRED' })
@Index('uq_agenda_items_one_active', ['meetingId'], { unique: true, where: `status = 'active'` })
@Check('ck_agenda_items_status', `status IN ('pending','active','done','skipped')`)
@Check('ck_agenda_items_position', 'position > 0')
export class AgendaItemEntity {
  /** Made by the server, so the event can carry it. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'uuid', nullable: true })
  presenterId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'presenter_id' })
  presenter?: UserEntity;

  @Column({ type: 'integer', default: 15 })
  plannedMinutes: number;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: AgendaItemStatus;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
