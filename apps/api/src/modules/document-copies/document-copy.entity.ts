import type { CopyRoute } from '@phonghop/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DocumentVersionEntity } from '../documents/document-version.entity';
import { MeetingDocumentEntity } from '../documents/meeting-document.entity';
import { UserEntity } from '../identity/user.entity';
import { MeetingEntity } from '../meetings/meeting.entity';

/**
 * The copy registry: one row per stamped copy the server handed out. The code is what the
 * invisible marks and the printed watermark carry; the row says whose copy it is, of which version,
 * issued when and how. Rows are never changed or deleted (they are the answer to "who leaked it"),
 * and the reader's name and unit are kept as printed, even if the account changes later.
 */
@Entity('document_copies')
@Check('ck_document_copies_route', `route IN ('view','download','pages')`)
@Index('ix_document_copies_reuse', ['versionId', 'readerId', 'route', 'issuedAt'])
export class DocumentCopyEntity {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  code: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => MeetingDocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id' })
  document?: MeetingDocumentEntity;

  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => DocumentVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id' })
  version?: DocumentVersionEntity;

  @Column({ type: 'uuid' })
  readerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reader_id' })
  reader?: UserEntity;

  @Column({ type: 'varchar', length: 120 })
  readerName: string;

  @Column({ type: 'varchar', length: 160, nullable: true })
  readerUnit: string | null;

  @Column({ type: 'varchar', length: 16 })
  route: CopyRoute;

  @Column({ type: 'timestamptz' })
  issuedAt: Date;
}
