import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * A stored file, keyed by the SHA-256 of its bytes: the same bytes are stored once however many
 * versions (or meetings) use them. The bytes themselves are in `document_blob_chunks`, in order.
 * A blob row is written only once all its chunks are (same transaction), so a blob that exists is whole.
 */
@Entity('document_blobs')
export class DocumentBlobEntity {
  /** Lower-case hex SHA-256 of the bytes. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'integer' })
  chunkCount: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * One piece (DOCUMENT_CHUNK_BYTES, 1 MiB) of a blob. Chunked bytea rows rather than large objects:
 * plain rows that every node reads over its ordinary pooled connection, deleted with their blob by
 * the foreign key, copied by pg_dump and replication like any table (docs/architecture.md).
 */
@Entity('document_blob_chunks')
export class DocumentBlobChunkEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  sha256: string;

  @ManyToOne(() => DocumentBlobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sha256' })
  blob?: DocumentBlobEntity;

  /** 0, 1, 2 … in the order of the bytes. */
  @PrimaryColumn({ type: 'integer' })
  part: number;

  @Column({ type: 'bytea' })
  data: Buffer;
}
