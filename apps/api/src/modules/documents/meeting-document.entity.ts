import type { DocumentAccessLevel, DocumentKind } from '@phonghop/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AgendaItemEntity } from '../agenda/agenda-item.entity';
import { UserEntity } from '../identity/user.entity';
import { MeetingEntity } from '../meetings/meeting.entity';

/**
 * A meeting document's metadata. Removing it from the meeting sets `removed_at` (the row and its
 * versions stay for the record: the log refers to them); the snapshot lists the others.
 */
@Entity('meeting_documents')
@Index('ix_meeting_documents_meeting', ['meetingId', 'createdSeq'])
@Check('ck_meeting_documents_kind', `kind IN ('proposal','draft_resolution','report','reference','other')`)
@Check('ck_meeting_documents_access', `access_level IN ('all','named','confidential')`)
export class MeetingDocumentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  /** Set null when the item is removed (the reducer of `agenda.itemRemoved` does the same). */
  @Column({ type: 'uuid', nullable: true })
  agendaItemId: string | null;

  @ManyToOne(() => AgendaItemEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'agenda_item_id' })
  agendaItem?: AgendaItemEntity;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 32 })
  kind: DocumentKind;

  @Column({ type: 'varchar', length: 16 })
  accessLevel: DocumentAccessLevel;

  /** Named readers (participants) for `named` and `confidential`. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  readerIds: string[];

  @Column({ type: 'timestamptz', nullable: true })
  commentDeadline: Date | null;

  /** The newest version (no foreign key: the document row is written before its first version). */
  @Column({ type: 'uuid' })
  currentVersionId: string;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  /** Seq of `document.added`: the snapshot lists documents in this order, as the reducer does. */
  @Column({ type: 'integer' })
  createdSeq: number;

  @Column({ type: 'timestamptz', nullable: true })
  removedAt: Date | null;
}
