import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { MeetingEntity } from '../meetings/meeting.entity';

/** A meeting's quorum rule and proxy policy; no row means the defaults (more than 1/2, no proxies). */
@Entity('attendance_settings')
@Check('ck_attendance_settings_fraction', 'quorum_numerator > 0 AND quorum_numerator <= quorum_denominator')
export class AttendanceSettingsEntity {
  @PrimaryColumn({ type: 'uuid' })
  meetingId: string;

  @OneToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ type: 'smallint' })
  quorumNumerator: number;

  @Column({ type: 'smallint' })
  quorumDenominator: number;

  @Column({ type: 'boolean' })
  quorumAtLeast: boolean;

  @Column({ type: 'boolean' })
  proxiesAllowed: boolean;

  @Column({ type: 'boolean' })
  proxiesCount: boolean;
}
