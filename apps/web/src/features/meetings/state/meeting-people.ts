import {
  DISPLAY_TOKEN_HEADER,
  MeetingPeopleResponseSchema,
  type MeetingPerson,
  type Participant,
} from '@phonghop/common';
import { errorFromResponse } from '../../../lib/api-error';
import { safeFetch, session } from '../../../lib/session';

/**
 * How this client asks for a meeting's people: `GET /meetings/:id/people` with the signed-in
 * user's token, or `GET /displays/people` with a room display's token. `etag`: the copy we hold
 * (sent as If-None-Match).
 */
export type PeopleFetch = (meetingId: string, etag: string | null) => Promise<Response>;

export const userPeopleFetch: PeopleFetch = async (meetingId, etag) => {
  const send = (token: string | null) =>
    safeFetch(`/api/v1/meetings/${meetingId}/people`, {
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(etag ? { 'if-none-match': etag } : {}),
      },
    });
  let res = await send(await session.freshToken());
  if (res.status === 401 && (await session.refresh())) res = await send(session.token);
  return res;
};

export function displayPeopleFetch(displayToken: string): PeopleFetch {
  return (_meetingId, etag) =>
    safeFetch('/api/v1/displays/people', {
      headers: { [DISPLAY_TOKEN_HEADER]: displayToken, ...(etag ? { 'if-none-match': etag } : {}) },
    });
}

interface Directory {
  etag: string | null;
  people: Map<string, MeetingPerson>;
  refreshing: Promise<void> | null;
}

/**
 * The people of the meetings this tab has open (names, titles, units), which `meeting.join` leaves
 * out of its snapshot. Fetched once per meeting and kept for the life of the tab; asked again
 * (with the ETag, so usually a bodyless 304) only when a snapshot or an event names someone it does
 * not know. The room state layer puts them back into the participants (hydrateSnapshot), so
 * screens keep reading `participants[].user`.
 */
class MeetingPeopleCache {
  private readonly directories = new Map<string, Directory>();

  people(meetingId: string): ReadonlyMap<string, MeetingPerson> {
    return this.directoryOf(meetingId).people;
  }

  /** Asks the server again (If-None-Match); concurrent callers share one request. */
  refresh(meetingId: string, fetchPeople: PeopleFetch): Promise<void> {
    const dir = this.directoryOf(meetingId);
    dir.refreshing ??= (async () => {
      try {
        const res = await fetchPeople(meetingId, dir.etag);
        if (res.status === 304) return;
        if (!res.ok) throw await errorFromResponse(res);
        const body = MeetingPeopleResponseSchema.parse(await res.json());
        dir.people = new Map(body.people.map((p) => [p.userId, p]));
        dir.etag = res.headers.get('etag');
      } finally {
        dir.refreshing = null;
      }
    })();
    return dir.refreshing;
  }

  /** A participant the log just added (the event carries their details). */
  remember(meetingId: string, participant: Participant): void {
    const dir = this.directoryOf(meetingId);
    const known = dir.people.has(participant.userId);
    dir.people.set(participant.userId, {
      userId: participant.userId,
      user: participant.user,
      addedAt: participant.addedAt,
    });
    // Our copy no longer matches its ETag: the next refresh must bring the whole list.
    if (!known) dir.etag = null;
  }

  private directoryOf(meetingId: string): Directory {
    let dir = this.directories.get(meetingId);
    if (!dir) {
      dir = { etag: null, people: new Map(), refreshing: null };
      this.directories.set(meetingId, dir);
    }
    return dir;
  }
}

export const meetingPeople = new MeetingPeopleCache();
