import { Injectable } from '@nestjs/common';
import type { SystemRole, User, UserSummary } from '@phonghop/common';
import { DataSource, EntityManager, QueryFailedError, SelectQueryBuilder } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { containsPattern, folded, searchQuery } from './search-text';
import { UserEntity } from './user.entity';

/** What sign-in needs: the user and the hash to check the password against. */
export interface LoginCandidate {
  user: User;
  passwordHash: string;
}

export interface NewUser {
  username: string;
  passwordHash: string;
  fullName: string;
  title: string;
  unit: string;
  email: string | null;
  phone: string | null;
  systemRole: SystemRole;
  canOrganise: boolean;
}

export type UserChanges = Partial<
  Pick<
    UserEntity,
    'fullName' | 'title' | 'unit' | 'email' | 'phone' | 'systemRole' | 'active' | 'canOrganise'
  >
>;

const UNIQUE_VIOLATION = '23505';
/** Upper bound for one directory answer; the picker narrows with `q`. */
const DIRECTORY_LIMIT = 200;

export function toUser(e: UserEntity): User {
  return {
    id: e.id,
    username: e.username,
    fullName: e.fullName,
    title: e.title,
    unit: e.unit,
    email: e.email,
    phone: e.phone,
    active: e.active,
    systemRole: e.systemRole,
    canOrganise: e.canOrganise,
    createdAt: e.createdAt.toISOString(),
  };
}

function toUserSummary(e: UserEntity): UserSummary {
  return { id: e.id, username: e.username, fullName: e.fullName, title: e.title, unit: e.unit };
}

/** All queries on `users`. Returns plain objects; the entity never leaves this file's module. */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(UserEntity);
  }

  async findById(id: string, manager?: EntityManager): Promise<User | null> {
    const e = await this.repo(manager).findOne({ where: { id } });
    return e ? toUser(e) : null;
  }

  /** Locks the row for the rest of the transaction, so concurrent admin edits apply one after another. */
  async lockById(manager: EntityManager, id: string): Promise<User | null> {
    const e = await this.repo(manager)
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where('u.id = :id', { id })
      .getOne();
    return e ? toUser(e) : null;
  }

  async findLoginCandidate(username: string): Promise<LoginCandidate | null> {
    const e = await this.repo().findOne({ where: { username } });
    return e ? { user: toUser(e), passwordHash: e.passwordHash } : null;
  }

  /** Every user for the admin list, optionally with disabled ones, filtered by `q`. */
  async list(options: { q?: string; includeInactive: boolean }): Promise<User[]> {
    const qb = this.repo().createQueryBuilder('u');
    if (!options.includeInactive) qb.andWhere('u.active = true');
    this.whereMatches(qb, options.q);
    const rows = await qb.orderBy('u.username', 'ASC').getMany();
    return rows.map(toUser);
  }

  /** Active users only, as summaries, for any signed-in user. */
  async directory(q: string | undefined): Promise<UserSummary[]> {
    const qb = this.repo().createQueryBuilder('u').where('u.active = true');
    this.whereMatches(qb, q);
    const rows = await qb.orderBy('u.username', 'ASC').limit(DIRECTORY_LIMIT).getMany();
    return rows.map(toUserSummary);
  }

  /** Inserts a user; USERNAME_TAKEN when the unique index refuses it (no check-then-insert race). */
  async insert(data: NewUser): Promise<User> {
    try {
      const saved = await this.repo().save(this.repo().create({ ...data, active: true }));
      return toUser(saved);
    } catch (err) {
      if (
        err instanceof QueryFailedError &&
        (err.driverError as { code?: string }).code === UNIQUE_VIOLATION
      ) {
        throw new AppException('USERNAME_TAKEN');
      }
      throw err;
    }
  }

  async update(manager: EntityManager, id: string, changes: UserChanges): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    await this.repo(manager).update({ id }, changes);
  }

  async setPasswordHash(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await this.repo(manager).update({ id }, { passwordHash });
  }

  /** Matches `q` against username, full name, title and unit, ignoring case and diacritics. */
  private whereMatches(qb: SelectQueryBuilder<UserEntity>, q: string | undefined): void {
    const text = searchQuery(q);
    if (!text) return;
    const columns = ['u.username', 'u.fullName', 'u.title', 'u.unit'].map(folded);
    qb.andWhere(`(${columns.map((c) => `${c} LIKE ${folded(':pattern')}`).join(' OR ')})`, {
      pattern: containsPattern(text),
    });
  }
}
