import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What a command answered, kept under the actor's idempotency key. A retry with the same key and
 * the same request gets this answer back instead of acting twice; the same key with another
 * request is refused. The primary key makes concurrent duplicates collide in the database.
 * Receipts are kept for a retention window (ReceiptPurgeService), far longer than any retry waits.
 */
@Entity('command_receipts')
export class CommandReceiptEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_command_receipts' })
  actorId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_command_receipts' })
  idempotencyKey: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'varchar', length: 64 })
  command: string;

  /** sha256 of the canonical (command, meetingId, request). */
  @Column({ type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'jsonb' })
  response: unknown;

  /** Receipts older than IDEMPOTENCY_RETENTION_DAYS are purged in the background (by this index). */
  @Index('ix_command_receipts_created_at')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
