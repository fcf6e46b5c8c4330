import { Injectable } from '@nestjs/common';
import type { SystemRole } from '@phonghop/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuthSessionEntity } from './auth-session.entity';

/** Why a session ended, kept in `auth_sessions.revoked_reason`. */
export type SessionRevokeReason = 'logout' | 'disabled' | 'password_reset' | 'refresh_reuse';

/** Why a session no longer opens anything, as its sockets are told (`session.revoked`). */
export type SessionEnd = Exclude<SessionRevokeReason, 'refresh_reuse'>;

/** A session as refresh needs it. */
export interface RefreshSession {
  id: string;
  userId: string;
  refreshHash: string;
  expiresAt: Date;
  revokedAt: Date | null;
  /** When the refresh secret last rotated (null before the first refresh). */
  rotatedAt: Date | null;
}

export interface NewSession {
  userId: string;
  refreshHash: string;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(AuthSessionEntity);
  }

  /**
   * The user's current system role when the session is neither revoked nor expired and its user
   * is active; null otherwise. Read on every request so a demotion or a disable acts at once.
   */
  async activeRole(sessionId: string, userId: string): Promise<SystemRole | null> {
    const found = await this.roleOrEnd(sessionId, userId);
    return 'role' in found ? found.role : null;
  }

  /**
   * `activeRole`, or why the session no longer opens anything: what a socket's client is told when
   * its session is found ended after the handshake (`session.revoked`).
   */
  async roleOrEnd(sessionId: string, userId: string): Promise<{ role: SystemRole } | { ended: SessionEnd }> {
    // Plain SQL: this runs on every request and every socket handshake (a join storm of 1,000
    // tablets makes 1,000 of them), where the query builder's own work cost more than the query.
    const rows: { role: SystemRole; active: boolean; revoked_reason: string | null; alive: boolean }[] =
      await this.dataSource.query(
        `SELECT u.system_role AS role, u.active, s.revoked_reason,
                s.revoked_at IS NULL AND s.expires_at > now() AS alive
           FROM auth_sessions s JOIN users u ON u.id = s.user_id
          WHERE s.id = $1 AND s.user_id = $2`,
        [sessionId, userId],
      );
    const row = rows[0];
    if (row?.alive && row.active) return { role: row.role };
    if (row && !row.active) return { ended: 'disabled' };
    if (row?.revoked_reason === 'password_reset' || row?.revoked_reason === 'disabled')
      return { ended: row.revoked_reason };
    return { ended: 'logout' };
  }

  async create(data: NewSession): Promise<string> {
    const saved = await this.repo().save(
      this.repo().create({ ...data, revokedAt: null, revokedReason: null }),
    );
    return saved.id;
  }

  /** Reads and locks the session row: two refreshes with the same cookie run one after the other. */
  async lockForRefresh(manager: EntityManager, id: string): Promise<RefreshSession | null> {
    const e = await this.repo(manager)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :id', { id })
      .getOne();
    if (!e) return null;
    return {
      id: e.id,
      userId: e.userId,
      refreshHash: e.refreshHash,
      expiresAt: e.expiresAt,
      revokedAt: e.revokedAt,
      rotatedAt: e.lastUsedAt,
    };
  }

  async rotate(manager: EntityManager, id: string, refreshHash: string, expiresAt: Date): Promise<void> {
    await this.repo(manager).update({ id }, { refreshHash, expiresAt, lastUsedAt: new Date() });
  }

  /** Revokes one session; false when it was already revoked (or does not exist). */
  async revoke(id: string, reason: SessionRevokeReason, manager?: EntityManager): Promise<boolean> {
    const result = await this.repo(manager).update(
      { id, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Revokes every open session of the user; the number revoked. */
  async revokeAllForUser(
    manager: EntityManager,
    userId: string,
    reason: SessionRevokeReason,
  ): Promise<number> {
    const result = await this.repo(manager).update(
      { userId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
    return result.affected ?? 0;
  }
}
