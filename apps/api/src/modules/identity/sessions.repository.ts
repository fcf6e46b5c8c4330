import { Injectable } from '@nestjs/common';
import type { SystemRole } from '@phonghop/common';
import { DataSource, IsNull, Repository } from 'typeorm';
import { AuthSessionEntity } from './auth-session.entity';

@Injectable()
export class SessionsRepository {
  private readonly repo: Repository<AuthSessionEntity>;

  constructor(dataSource: DataSource) {
    this.repo = dataSource.getRepository(AuthSessionEntity);
  }

  /**
   * The user's current system role when the session is neither revoked nor expired and its user
   * is active; null otherwise. Read on every request so a demotion or a disable acts at once.
   */
  async activeRole(sessionId: string, userId: string): Promise<SystemRole | null> {
    const row = await this.repo
      .createQueryBuilder('s')
      .innerJoin('s.user', 'u')
      .where('s.id = :sessionId AND s.user_id = :userId', { sessionId, userId })
      .andWhere('s.revoked_at IS NULL AND s.expires_at > now() AND u.active = true')
      .select('u.system_role', 'role')
      .getRawOne<{ role: SystemRole }>();
    return row?.role ?? null;
  }

  findById(id: string): Promise<AuthSessionEntity | null> {
    return this.repo.findOne({ where: { id, revokedAt: IsNull() } });
  }
}
