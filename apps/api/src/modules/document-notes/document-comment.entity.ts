import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { MeetingEntity } from '../meetings/meeting.entity';
import { MeetingDocumentEntity } from '../documents/meeting-document.entity';

/**
 * A comment on a draft (góp ý dự thảo). Written by a command on the meeting log
 * (`document.commented`, whose payload holds `body_sha256`, not the text); a withdrawal only sets
 * `withdrawn_at`, so the record keeps every comment ever made.
 */
@Entity('document_comments')
@Index('ix_document_comments_document', ['documentId', 'createdSeq'])
@Index('ix_document_comments_meeting', ['meetingId'])
export class DocumentCommentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

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

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  /** Null: on the whole document. */
  @Column({ type: 'integer', nullable: true })
  page: number | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'char', length: 64 })
  bodySha256: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  /** The seq of the `document.commented` event (orders the comments as the log does). */
  @Column({ type: 'integer' })
  createdSeq: number;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;
}
