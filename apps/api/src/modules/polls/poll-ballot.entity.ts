import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PollVoterEntity } from './poll-voter.entity';

/**
 * A named poll's ballot: who voted what. The primary key is the constraint "one ballot per voter
 * and per proxy"; the foreign key to the voter's right means no ballot without a right.
 */
@Entity('poll_ballots')
@Index('uq_poll_ballots_receipt', ['pollId', 'receipt'], { unique: true })
export class PollBallotEntity {
  @PrimaryColumn({ type: 'uuid' })
  pollId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => PollVoterEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'poll_id', referencedColumnName: 'pollId' },
    { name: 'user_id', referencedColumnName: 'userId' },
  ])
  voter?: PollVoterEntity;

  /** The voter, or the proxy holder who cast it. */
  @Column({ type: 'uuid' })
  castById: string;

  @Column({ type: 'jsonb' })
  choices: string[];

  @Column({ type: 'varchar', length: 11 })
  receipt: string;

  /** The key of the cast that wrote this version: a retry with it answers the same receipt. */
  @Column({ type: 'uuid' })
  idempotencyKey: string;

  /**
   * Keys of the casts this ballot replaced (allowChange): a late retry of one of them answers its
   * receipt again instead of bringing its old choice back.
   */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  previousKeys: string[];

  @Column({ type: 'timestamptz' })
  castAt: Date;
}
