import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * What a command answered, kept under the actor's idempotency key. A retry with the same key and
 * the same request gets this answer back instead of acting twice; the same key with another
 * request is refused. The primary key makes concurrent duplicates collide in the database.
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
