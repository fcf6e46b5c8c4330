import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class CalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The user's token, creating it with `fresh` when they have none. */
  async tokenFor(userId: string, fresh: string): Promise<string> {
    const rows: { token: string }[] = await this.dataSource.query(
      `INSERT INTO calendar_feeds (user_id, token) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token = calendar_feeds.token
       RETURNING token`,
      [userId, fresh],
    );
    return rows[0].token;
  }

  async replaceToken(userId: string, fresh: string): Promise<string> {
    const rows: { token: string }[] = await this.dataSource.query(
      `INSERT INTO calendar_feeds (user_id, token) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token = EXCLUDED.token, created_at = now()
       RETURNING token`,
      [userId, fresh],
    );
    return rows[0].token;
  }

  /** The active user owning a token, or null. */
  async userByToken(token: string): Promise<{ id: string; fullName: string } | null> {
    const rows: { id: string; full_name: string }[] = await this.dataSource.query(
      `SELECT u.id, u.full_name FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE f.token = $1 AND u.active`,
      [token],
    );
    return rows[0] ? { id: rows[0].id, fullName: rows[0].full_name } : null;
  }
}
