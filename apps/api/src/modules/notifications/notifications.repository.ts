import { Injectable } from '@nestjs/common';
import type { MeetingNotificationPayload, Notification, NotificationKind } from '@phonghop/common';
import { DataSource, EntityManager } from 'typeorm';

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  meeting_id: string | null;
  payload: MeetingNotificationPayload;
  read_at: Date | null;
  created_at: Date;
}

const toNotification = (r: NotificationRow): Notification => ({
  id: r.id,
  kind: r.kind,
  meetingId: r.meeting_id,
  payload: r.payload,
  readAt: r.read_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});

const COLUMNS = 'id, kind, meeting_id, payload, read_at, created_at';

@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One notification per user, in the caller's transaction. */
  async insertMany(
    manager: EntityManager,
    userIds: string[],
    n: { kind: NotificationKind; meetingId: string | null; payload: MeetingNotificationPayload; at: Date },
  ): Promise<Map<string, Notification>> {
    if (userIds.length === 0) return new Map();
    const rows: (NotificationRow & { user_id: string })[] = await manager.query(
      `INSERT INTO notifications (user_id, kind, meeting_id, payload, created_at)
       SELECT u, $2, $3, $4::jsonb, $5 FROM unnest($1::uuid[]) AS u
       RETURNING user_id, ${COLUMNS}`,
      [userIds, n.kind, n.meetingId, JSON.stringify(n.payload), n.at],
    );
    return new Map(rows.map((r) => [r.user_id, toNotification(r)]));
  }

  async list(userId: string, unreadOnly: boolean, limit: number): Promise<Notification[]> {
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications WHERE user_id = $1 AND ($2::boolean = false OR read_at IS NULL)
        ORDER BY created_at DESC, id LIMIT $3`,
      [userId, unreadOnly, limit],
    );
    return rows.map(toNotification);
  }

  async unreadCount(userId: string): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return rows[0].n;
  }

  /** Marks one of the user's notifications read (keeps the first read time); null if not theirs. */
  async markRead(userId: string, id: string): Promise<Notification | null> {
    const rows: [NotificationRow[], number] = await this.dataSource.query(
      `UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
      [id, userId],
    );
    const row = rows[0][0];
    return row ? toNotification(row) : null;
  }

  async markAllRead(userId: string): Promise<number> {
    const rows: [unknown[], number] = await this.dataSource.query(
      'UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id',
      [userId],
    );
    return rows[1];
  }
}
