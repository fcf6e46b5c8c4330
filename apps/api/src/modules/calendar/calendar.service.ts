import { Injectable } from '@nestjs/common';
import type { Meeting } from '@phonghop/common';
import ical, { ICalEventStatus } from 'ical-generator';
import { randomBytes } from 'node:crypto';
import { AppException } from '../../common/errors/app-exception';
import { MeetingsRepository } from '../meetings/meetings.repository';
import { CalendarRepository } from './calendar.repository';

/** 32 random bytes, base64url: 43 characters, unguessable. */
const newToken = () => randomBytes(32).toString('base64url');
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** How far back the feed reaches (calendar apps keep what they fetched before). */
const FEED_HISTORY_DAYS = 90;

const KIND_LABEL: Record<Meeting['kind'], string> = {
  party_committee: 'Đảng ủy',
  people_committee: 'Ủy ban nhân dân',
  thematic: 'Chuyên đề',
  other: 'Khác',
};

/**
 * A person's meetings as an iCalendar feed behind a secret address (calendar apps cannot sign in).
 * Drafts are left out; a meeting's SEQUENCE is its event-log seq, so every change is a new revision.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly repo: CalendarRepository,
    private readonly meetings: MeetingsRepository,
  ) {}

  token(userId: string): Promise<string> {
    return this.repo.tokenFor(userId, newToken());
  }

  rotate(userId: string): Promise<string> {
    return this.repo.replaceToken(userId, newToken());
  }

  async feed(token: string, now: Date): Promise<string> {
    const owner = TOKEN_PATTERN.test(token) ? await this.repo.userByToken(token) : null;
    if (!owner) throw new AppException('NOT_FOUND');
    const since = new Date(now.getTime() - FEED_HISTORY_DAYS * 86_400_000);
    const meetings = await this.meetings.forCalendar(owner.id, since);
    const calendar = ical({
      name: `Lịch họp — ${owner.fullName}`,
      prodId: { company: 'phonghop', product: 'Phong hop thong minh', language: 'VI' },
      timezone: 'Asia/Ho_Chi_Minh',
    });
    for (const m of meetings) {
      calendar.createEvent({
        id: `${m.id}@phonghop`,
        sequence: m.lastSeq,
        stamp: now,
        start: new Date(m.startsAt),
        end: new Date(m.endsAt),
        summary: m.title,
        location: [m.location, m.online ? 'Trực tuyến' : null].filter(Boolean).join(' · ') || null,
        description: [`${KIND_LABEL[m.kind]}${m.organizerUnit ? ` — ${m.organizerUnit}` : ''}`, m.description]
          .filter(Boolean)
          .join('\n\n'),
        status: ICalEventStatus.CONFIRMED,
      });
    }
    return calendar.toString();
  }
}
