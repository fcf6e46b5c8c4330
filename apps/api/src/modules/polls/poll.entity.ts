import type {
  MajorityRule,
  NamedVote,
  PollKind,
  PollOption,
  PollQuorum,
  PollResult,
  PollStatus,
} from '@phonghop/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AgendaItemEntity } from '../agenda/agenda-item.entity';
import { MeetingEntity } from '../meetings/meeting.entity';

/** One poll (biểu quyết) of a meeting: its definition, its lifecycle and, once closed, its result. */
@Entity('polls')
@Index('ix_polls_meeting', ['meetingId', 'createdSeq'])
@Check('ck_polls_kind', `kind IN ('yes_no_abstain','single','multiple','election')`)
@Check('ck_polls_status', `status IN ('draft','open','closed','published')`)
@Check('ck_polls_secret_hides', `NOT secret OR (NOT allow_change AND NOT show_live_tally AND votes IS NULL)`)
export class PollEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ type: 'uuid', nullable: true })
  agendaItemId: string | null;

  @ManyToOne(() => AgendaItemEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'agenda_item_id' })
  agendaItem?: AgendaItemEntity;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: PollKind;

  @Column({ type: 'boolean' })
  secret: boolean;

  @Column({ type: 'jsonb' })
  options: PollOption[];

  @Column({ type: 'integer' })
  maxChoices: number;

  @Column({ type: 'integer', nullable: true })
  seats: number | null;

  @Column({ type: 'jsonb' })
  rule: MajorityRule;

  @Column({ type: 'boolean' })
  allowChange: boolean;

  @Column({ type: 'boolean' })
  showLiveTally: boolean;

  @Column({ type: 'integer', nullable: true })
  durationSeconds: number | null;

  @Column({ type: 'varchar', length: 16 })
  status: PollStatus;

  @Column({ type: 'uuid' })
  createdById: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  members: number | null;

  @Column({ type: 'jsonb', nullable: true })
  quorum: PollQuorum | null;

  @Column({ type: 'jsonb', nullable: true })
  result: PollResult | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ballotsHash: string | null;

  @Column({ type: 'jsonb', nullable: true })
  receipts: string[] | null;

  @Column({ type: 'jsonb', nullable: true })
  votes: NamedVote[] | null;

  /** Seq of the creating event: polls are listed in this order (the order clients append in). */
  @Column({ type: 'integer' })
  createdSeq: number;
}
