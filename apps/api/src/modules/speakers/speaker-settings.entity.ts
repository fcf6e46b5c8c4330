import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AgendaItemEntity } from '../agenda/agenda-item.entity';
import { MeetingEntity } from '../meetings/meeting.entity';

/** The meeting's default speaking time (no row: 300 s). */
@Entity('speaker_settings')
export class SpeakerSettingsEntity {
  @PrimaryColumn({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ type: 'integer' })
  defaultLimitSeconds: number;
}

/** One agenda item's speaking time and whether its list is closed. */
@Entity('speaker_item_settings')
@Index('ix_speaker_item_settings_meeting', ['meetingId', 'createdSeq'])
export class SpeakerItemSettingsEntity {
  @PrimaryColumn({ type: 'uuid' })
  agendaItemId: string;

  @ManyToOne(() => AgendaItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agenda_item_id' })
  agendaItem?: AgendaItemEntity;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ type: 'integer', nullable: true })
  limitSeconds: number | null;

  @Column({ type: 'boolean', default: false })
  closed: boolean;

  /** Seq of the event that first configured the item (clients append items in this order). */
  @Column({ type: 'integer' })
  createdSeq: number;
}
