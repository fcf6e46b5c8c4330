import type { NoteColor, NoteKind, NoteRect } from '@phonghop/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { MeetingEntity } from '../meetings/meeting.entity';
import { MeetingDocumentEntity } from '../documents/meeting-document.entity';

/**
 * One reader's private note or highlight on one page of a meeting document. Every query on this
 * table is bounded by `user_id = <the caller>`: no route reads another person's notes. Not on the
 * meeting log (a note is not part of the meeting's record).
 */
@Entity('document_notes')
@Index('ix_document_notes_reader', ['userId', 'documentId', 'page'])
@Check('ck_document_notes_kind', `kind IN ('note','highlight')`)
@Check('ck_document_notes_page', `page >= 1`)
export class DocumentNoteEntity {
  /** Made by the client, so a retried create finds the note it already made. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => MeetingDocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: MeetingDocumentEntity;

  @Column({ type: 'integer' })
  page: number;

  @Column({ type: 'varchar', length: 16 })
  kind: NoteKind;

  @Column({ type: 'text', nullable: true })
  body: string | null;

  /** Page-relative rectangles (0..1) of a highlight; [] for a note. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  rects: NoteRect[];

  @Column({ type: 'varchar', length: 16, nullable: true })
  color: NoteColor | null;

  @Column({ type: 'text', nullable: true })
  quote: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
