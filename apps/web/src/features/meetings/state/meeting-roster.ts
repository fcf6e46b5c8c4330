import { DISPLAY_TOKEN_HEADER, MeetingRosterResponseSchema, type Participant } from '@phonghop/common';
import { errorFromResponse } from '../../../lib/api-error';
import { safeFetch, session } from '../../../lib/session';

/**
 * How this client asks for a meeting's roster: `GET /meetings/:id/roster` with the signed-in user's
 * token, or `GET /displays/roster` with a room display's token. `etag`: the copy we hold (sent as
 * If-None-Match).
 */
export type RosterFetch = (meetingId: string, etag: string | null) => Promise<Response>;

export const userRosterFetch: RosterFetch = async (meetingId, etag) => {
  const send = (token: string | null) =>
    safeFetch(`/api/v1/meetings/${meetingId}/roster`, {
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(etag ? { 'if-none-match': etag } : {}),
      },
    });
  let res = await send(await session.freshToken());
  if (res.status === 401 && (await session.refresh())) res = await send(session.token);
  return res;
};

export function displayRosterFetch(displayToken: string): RosterFetch {
  return (_meetingId, etag) =>
    safeFetch('/api/v1/displays/roster', {
      headers: { [DISPLAY_TOKEN_HEADER]: displayToken, ...(etag ? { 'if-none-match': etag } : {}) },
    });
}

interface RosterCopy {
  etag: string | null;
  participants: Participant[];
}

/**
 * The rosters of the meetings this tab has open (participants with roles, names and titles), which
 * `meeting.join` leaves out of its snapshot. Each snapshot join asks again, with the ETag of the copy
 * held: usually a bodyless 304. A request is never shared with an earlier one: the roster must be
 * read after the join it completes (docs/events/meeting.join.md).
 */
class MeetingRosterCache {
  private readonly copies = new Map<string, RosterCopy>();

  async load(meetingId: string, fetchRoster: RosterFetch): Promise<Participant[]> {
    const copy = this.copies.get(meetingId);
    const res = await fetchRoster(meetingId, copy?.etag ?? null);
    if (res.status === 304 && copy) return copy.participants;
    if (!res.ok) throw await errorFromResponse(res);
    const { participants } = MeetingRosterResponseSchema.parse(await res.json());
    this.copies.set(meetingId, { etag: res.headers.get('etag'), participants });
    return participants;
  }
}

export const meetingRoster = new MeetingRosterCache();
