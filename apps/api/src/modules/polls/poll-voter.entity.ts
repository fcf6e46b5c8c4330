import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { PollEntity } from './poll.entity';

/**
 * One right to one ballot in one poll: `userId`'s vote, cast by `holderId` (themself or their proxy
 * holder). Written when the poll opens (and for late voters). Ballots and secret markers reference
 * it, so nobody can vote without a right.
 */
@Entity('poll_voters')
@Index('ix_poll_voters_holder', ['pollId', 'holderId'])
export class PollVoterEntity {
  @PrimaryColumn({ type: 'uuid' })
  pollId: string;

  @ManyToOne(() => PollEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'poll_id' })
  poll?: PollEntity;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'uuid' })
  holderId: string;

  @Column({ type: 'boolean' })
  late: boolean;

  /** Order of the list as the event carried it. */
  @Column({ type: 'integer' })
  position: number;
}
