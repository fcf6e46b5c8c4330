import type { AbsenceReason, AttendanceMethod, AttendanceStatus } from '@phonghop/common';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { MeetingEntity } from '../meetings/meeting.entity';

/**
 * A person's latest attendance record in one meeting. Every change is also an `attendance.marked`
 * event on the meeting log, which keeps the history (corrections included); this row is the
 * current state the rules and the snapshot read.
 */
@Entity('attendance_records')
@Check('ck_attendance_records_status', `status IN ('present_room','present_online','late','absent','left')`)
@Check('ck_attendance_records_reason', `absence_reason IN ('business_trip','sick','personal','other')`)
@Check('ck_attendance_records_method', `method IN ('self','qr','secretary')`)
export class AttendanceRecordEntity {
  @PrimaryColumn({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 16 })
  status: AttendanceStatus;

  @Column({ type: 'varchar', length: 16, nullable: true })
  absenceReason: AbsenceReason | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  proxyHolderId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proxy_holder_id' })
  proxyHolder?: UserEntity;

  @Column({ type: 'varchar', length: 16 })
  method: AttendanceMethod;

  @Column({ type: 'uuid' })
  markedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'marked_by_id' })
  markedBy?: UserEntity;

  @Column({ type: 'timestamptz' })
  markedAt: Date;

  /**
   * Seq of the event that made this record. Records are listed in this order, which is the order a
   * client's reducer leaves them in (it moves a changed record to the end).
   */
  @Column({ type: 'integer' })
  markedSeq: number;
}
