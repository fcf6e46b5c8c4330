import type { InvitationStatus, MeetingRole } from '@phonghop/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { MeetingEntity } from './meeting.entity';

/** A person's place in one meeting: their role and their answer to the invitation. */
@Entity('meeting_participants')
@Check('ck_meeting_participants_role', `role IN ('chair','secretary','delegate','guest')`)
@Check('ck_meeting_participants_invitation', `invitation IN ('pending','accepted','declined')`)
export class MeetingParticipantEntity {
  @PrimaryColumn({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  /** "My meetings" looks participants up by user. */
  @Index('ix_meeting_participants_user')
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 16 })
  role: MeetingRole;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  invitation: InvitationStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  declineReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ type: 'timestamptz' })
  addedAt: Date;

  /**
   * Seq of the event that added the person. Participants are listed in this order, which is also
   * the order a client's reducer appends them in — so a replayed snapshot equals the server's.
   */
  @Column({ type: 'integer' })
  addedSeq: number;
}
