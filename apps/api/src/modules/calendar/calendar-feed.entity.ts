import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';

/**
 * A person's secret iCalendar address. The token is the only credential of the public .ics route
 * (calendar apps cannot send a Bearer token), so it is long and random and can be rotated.
 */
@Entity('calendar_feeds')
export class CalendarFeedEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Index('uq_calendar_feeds_token', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  token: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
