import { Injectable } from '@nestjs/common';
import type {
  UpdateUserRequest,
  User,
  UserDirectoryResponse,
  UserListQuery,
  UserListResponse,
} from '@phonghop/common';
import { CreateUserRequestSchema } from '@phonghop/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { RealtimeService } from '../realtime/realtime.service';
import { PasswordService } from './password.service';
import { SessionsRepository } from './sessions.repository';
import { UserChanges, UsersRepository } from './users.repository';

/** The create request after its schema applied defaults (what the validation pipe hands over). */
export type ValidCreateUserRequest = z.output<typeof CreateUserRequestSchema>;

/** Stored names are NFC, so the diacritic-insensitive search folds them reliably. */
function nfc<T extends string | null | undefined>(value: T): T {
  return (typeof value === 'string' ? value.normalize('NFC') : value) as T;
}

/** Account administration (admins only, checked by the controller) and the directory. */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordService,
    private readonly realtime: RealtimeService,
    @InjectPinoLogger(UsersService.name) private readonly logger: PinoLogger,
  ) {}

  async list(query: UserListQuery): Promise<UserListResponse> {
    const items = await this.users.list({ q: query.q, includeInactive: query.includeInactive === 'true' });
    return { items };
  }

  async directory(q: string | undefined): Promise<UserDirectoryResponse> {
    return { items: await this.users.directory(q) };
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new AppException('USER_NOT_FOUND');
    return user;
  }

  async create(actor: AuthUser, request: ValidCreateUserRequest): Promise<User> {
    const user = await this.users.insert({
      username: request.username,
      passwordHash: await this.passwords.hash(request.password),
      fullName: nfc(request.fullName),
      title: nfc(request.title),
      unit: nfc(request.unit),
      email: request.email ?? null,
      phone: request.phone ?? null,
      systemRole: request.systemRole,
      canOrganise: request.canOrganise,
    });
    this.logger.info(
      { event: 'user.created', userId: user.id, username: user.username, by: actor.id },
      'user created',
    );
    return user;
  }

  /**
   * Edits a user. `active: false` disables: in the same transaction every session of the user is
   * revoked, then their sockets are told and closed. `POST /disable` and `/enable` come here too.
   */
  async update(actor: AuthUser, id: string, patch: UpdateUserRequest): Promise<User> {
    if (id === actor.id && patch.active === false) throw new AppException('CANNOT_DISABLE_SELF');
    if (id === actor.id && patch.systemRole !== undefined && patch.systemRole !== 'admin') {
      throw new AppException('CANNOT_DEMOTE_SELF');
    }

    const changes: UserChanges = {};
    if (patch.fullName !== undefined) changes.fullName = nfc(patch.fullName);
    if (patch.title !== undefined) changes.title = nfc(patch.title);
    if (patch.unit !== undefined) changes.unit = nfc(patch.unit);
    if (patch.email !== undefined) changes.email = patch.email;
    if (patch.phone !== undefined) changes.phone = patch.phone;
    if (patch.systemRole !== undefined) changes.systemRole = patch.systemRole;
    if (patch.active !== undefined) changes.active = patch.active;
    if (patch.canOrganise !== undefined) changes.canOrganise = patch.canOrganise;

    const disabling = patch.active === false;
    const user = await this.dataSource.transaction(async (manager) => {
      const current = await this.users.lockById(manager, id);
      if (!current) throw new AppException('USER_NOT_FOUND');
      await this.users.update(manager, id, changes);
      if (disabling) await this.sessions.revokeAllForUser(manager, id, 'disabled');
      const updated = await this.users.findById(id, manager);
      if (!updated) throw new AppException('USER_NOT_FOUND');
      return updated;
    });

    if (disabling) this.realtime.disconnectUser(id, 'disabled');
    // Open sockets act on the new role at their next command; rooms it no longer opens are left now.
    else if (changes.systemRole !== undefined) this.realtime.authorityChanged(id);
    this.logger.info(
      { event: 'user.updated', userId: id, by: actor.id, fields: Object.keys(changes) },
      disabling ? 'user disabled' : 'user updated',
    );
    return user;
  }

  /** Sets a new password and ends every session of the user (they sign in again with it). */
  async resetPassword(actor: AuthUser, id: string, password: string): Promise<void> {
    const passwordHash = await this.passwords.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const current = await this.users.lockById(manager, id);
      if (!current) throw new AppException('USER_NOT_FOUND');
      await this.users.setPasswordHash(manager, id, passwordHash);
      await this.sessions.revokeAllForUser(manager, id, 'password_reset');
    });
    this.realtime.disconnectUser(id, 'password_reset');
    this.logger.info({ event: 'user.password_reset', userId: id, by: actor.id }, 'password reset');
  }
}
