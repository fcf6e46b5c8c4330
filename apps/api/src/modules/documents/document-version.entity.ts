import type { DocumentFailureReason, DocumentVersionStatus, PdfRemovedFeature } from '@phonghop/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { DocumentBlobEntity } from './document-blob.entity';
import { MeetingDocumentEntity } from './meeting-document.entity';

/**
 * One uploaded version of a document: its original (kept for the record, as uploaded) and its
 * reading copy (a sanitised PDF: the PDF cleaned, or the Office file converted and cleaned), both
 * blobs by SHA-256. Versions are never deleted.
 */
@Entity('document_versions')
@Index('uq_document_versions_number', ['documentId', 'number'], { unique: true })
@Index('ix_document_versions_meeting', ['meetingId'])
@Check('ck_document_versions_status', `status IN ('converting','ready','failed')`)
@Check(
  'ck_document_versions_failure',
  `failure_reason IN ('timeout','converter_error','unsafe_result','interrupted')`,
)
export class DocumentVersionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => MeetingDocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: MeetingDocumentEntity;

  /** Denormalised from the document: the content routes find a version's meeting in one read. */
  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'varchar', length: 255 })
  originalName: string;

  @Column({ type: 'varchar', length: 100 })
  mediaType: string;

  @Column({ type: 'integer' })
  size: number;

  /** The original's blob. */
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @ManyToOne(() => DocumentBlobEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sha256' })
  blob?: DocumentBlobEntity;

  /** The reading copy's blob, once made (null while converting or when failed). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  readingSha256: string | null;

  @ManyToOne(() => DocumentBlobEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reading_sha256' })
  readingBlob?: DocumentBlobEntity;

  @Column({ type: 'integer', nullable: true })
  pageCount: number | null;

  @Column({ type: 'varchar', length: 16 })
  status: DocumentVersionStatus;

  @Column({ type: 'varchar', length: 32, nullable: true })
  failureReason: DocumentFailureReason | null;

  /** What the reading copy lost (JavaScript, actions, embedded files, forms). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  removed: PdfRemovedFeature[];

  @Column({ type: 'uuid' })
  uploadedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by_id' })
  uploadedBy?: UserEntity;

  @Column({ type: 'timestamptz' })
  uploadedAt: Date;
}
