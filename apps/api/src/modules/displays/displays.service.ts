import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { displayPath, type CreatedDisplay, type DisplayToken } from '@phonghop/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { MeetingAccessService } from '../meeting-events/meeting-access.service';
import { RealtimeService } from '../realtime/realtime.service';
import { DisplayTokenEntity } from './display-token.entity';

/** What a display socket carries: which token opened it, for which meeting. */
export interface DisplayIdentity {
  id: string;
  meetingId: string;
}

/** The socket.io room of every socket opened with one display token (to disconnect them on revoke). */
export const displayRoom = (displayId: string) => `display:${displayId}`;

function hashOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function toDisplayToken(e: DisplayTokenEntity): DisplayToken {
  return {
    id: e.id,
    meetingId: e.meetingId,
    label: e.label,
    createdAt: e.createdAt.toISOString(),
    revokedAt: e.revokedAt ? e.revokedAt.toISOString() : null,
  };
}

/**
 * Display tokens: created, listed and revoked by system admins; checked against the database at
 * every use (socket handshake, meeting.join, each command, the QR read), so a revocation acts at
 * once. The token itself is 256 random bits; only its SHA-256 is stored.
 */
@Injectable()
export class DisplaysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: MeetingAccessService,
    private readonly realtime: RealtimeService,
  ) {}

  private get repo() {
    return this.dataSource.getRepository(DisplayTokenEntity);
  }

  async create(user: AuthUser, meetingId: string, label: string | undefined): Promise<CreatedDisplay> {
    await this.access.open(meetingId, user, 'display.create'); // MEETING_NOT_FOUND
    const token = randomBytes(32).toString('base64url');
    const saved = await this.repo.save(
      this.repo.create({
        meetingId,
        tokenHash: hashOf(token),
        label: label ?? null,
        createdBy: user.id,
        revokedAt: null,
      }),
    );
    return { display: toDisplayToken(saved), token, url: displayPath(meetingId, token) };
  }

  async list(user: AuthUser, meetingId: string): Promise<DisplayToken[]> {
    await this.access.open(meetingId, user, 'display.list');
    const rows = await this.repo.find({ where: { meetingId }, order: { createdAt: 'DESC' } });
    return rows.map(toDisplayToken);
  }

  /** Revokes the token and closes its open sockets on every node. Revoking twice is harmless. */
  async revoke(user: AuthUser, meetingId: string, displayId: string): Promise<DisplayToken> {
    await this.access.open(meetingId, user, 'display.revoke');
    await this.dataSource.query(
      'UPDATE display_tokens SET revoked_at = now() WHERE id = $1 AND meeting_id = $2 AND revoked_at IS NULL',
      [displayId, meetingId],
    );
    const row = await this.repo.findOneBy({ id: displayId, meetingId });
    if (!row) throw new AppException('DISPLAY_TOKEN_INVALID');
    this.realtime.io.in(displayRoom(displayId)).disconnectSockets(true);
    return toDisplayToken(row);
  }

  /** The display a token opens, or DISPLAY_TOKEN_INVALID (unknown, revoked, or its meeting gone). */
  async verify(token: unknown): Promise<DisplayIdentity> {
    if (typeof token !== 'string' || token.length < 20 || token.length > 200)
      throw new AppException('DISPLAY_TOKEN_INVALID');
    const rows: DisplayIdentity[] = await this.dataSource.query(
      'SELECT id, meeting_id AS "meetingId" FROM display_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
      [hashOf(token)],
    );
    if (!rows[0]) throw new AppException('DISPLAY_TOKEN_INVALID');
    return rows[0];
  }

  /** Whether a display (by id) is still valid for this meeting: read at each join and command. */
  async stillValid(displayId: string, meetingId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM display_tokens WHERE id = $1 AND meeting_id = $2 AND revoked_at IS NULL',
      [displayId, meetingId],
    );
    return rows.length > 0;
  }
}
