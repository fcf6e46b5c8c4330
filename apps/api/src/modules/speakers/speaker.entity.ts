import type { SpeakerStatus, SpeechKind } from '@phonghop/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AgendaItemEntity } from '../agenda/agenda-item.entity';
import { UserEntity } from '../identity/user.entity';
import { MeetingEntity } from '../meetings/meeting.entity';

/** One request for the floor on one agenda item, and its speech. The log keeps every change. */
@Entity('speakers')
@Index('ix_speakers_meeting', ['meetingId', 'createdSeq'])
@Index('uq_speakers_one_speaking', ['meetingId'], { unique: true, where: `status = 'speaking'` })
@Check('ck_speakers_kind', `kind IN ('opinion','support','oppose','question','point_of_order')`)
@Check('ck_speakers_status', `status IN ('waiting','speaking','done','withdrawn','removed')`)
export class SpeakerEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ type: 'uuid' })
  agendaItemId: string;

  @ManyToOne(() => AgendaItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agenda_item_id' })
  agendaItem?: AgendaItemEntity;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 16 })
  kind: SpeechKind;

  @Column({ type: 'varchar', length: 16 })
  status: SpeakerStatus;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'integer', nullable: true })
  limitSeconds: number | null;

  @Column({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  addedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  /** Seq of the request's event: the list is read in this order (the order clients append in). */
  @Column({ type: 'integer' })
  createdSeq: number;
}
