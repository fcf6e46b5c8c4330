import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { MeetingEntity } from '../meetings/meeting.entity';

/** One person's use of one QR window in one meeting: the primary key makes each code work once per person. */
@Entity('attendance_qr_uses')
export class AttendanceQrUseEntity {
  @PrimaryColumn({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** The token's 30-second window (epoch ms / 30,000). */
  @PrimaryColumn({ type: 'bigint' })
  window: string;

  @Column({ type: 'timestamptz' })
  usedAt: Date;
}
