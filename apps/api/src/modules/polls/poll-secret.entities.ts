import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PollEntity } from './poll.entity';
import { PollVoterEntity } from './poll-voter.entity';

/*
 * A secret poll keeps who voted apart from what was voted (docs/voting.md):
 *  - poll_secret_markers: that a voter has voted — nothing else, no time, no ballot id;
 *  - poll_ballot_box: the ballots while the poll is open — no voter, no time, a random id;
 *  - poll_secret_ballots: the ballots after close, re-written in one transaction in a random order
 *    (the box is truncated in the same transaction — new files — so no cast transaction id or insertion
 *    order survives next to a ballot).
 */

/** One per voter who has cast a secret ballot: the constraint "one ballot per voter and per proxy". */
@Entity('poll_secret_markers')
export class PollSecretMarkerEntity {
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
}

/**
 * A secret ballot while its poll is open. No foreign key to `polls`, on purpose: a close puts the
 * other open polls' ballots back into the box after truncating it, and a foreign key check would
 * lock those polls' rows — two secret polls closing at once could then deadlock. Rows of a poll
 * exist only between its open and its close (which empties them); drafts, the only polls ever
 * deleted, have none.
 */
@Entity('poll_ballot_box')
@Index('uq_poll_ballot_box_receipt', ['pollId', 'receipt'], { unique: true })
export class PollBallotBoxEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  pollId: string;

  @Column({ type: 'jsonb' })
  choices: string[];

  @Column({ type: 'varchar', length: 11 })
  receipt: string;
}

/** A secret ballot of a closed poll, at a random position. */
@Entity('poll_secret_ballots')
@Index('uq_poll_secret_ballots_receipt', ['pollId', 'receipt'], { unique: true })
export class PollSecretBallotEntity {
  @PrimaryColumn({ type: 'uuid' })
  pollId: string;

  @ManyToOne(() => PollEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'poll_id' })
  poll?: PollEntity;

  @PrimaryColumn({ type: 'integer' })
  position: number;

  @Column({ type: 'jsonb' })
  choices: string[];

  @Column({ type: 'varchar', length: 11 })
  receipt: string;
}
