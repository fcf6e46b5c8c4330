import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** How long a meeting's participant ids are reused. */
export const PARTICIPANT_IDS_TTL_MS = 1_000;
const MAX_MEETINGS = 200;

interface Entry {
  readAt: number;
  ids: Promise<Set<string>>;
}

/**
 * A meeting's participant ids, read once a second at most and shared: the first gate of
 * `meeting.join`, which keeps outsiders from touching a room before the real check. It decides
 * nothing on its own — a join storm of 1,000 makes one read here instead of 1,000 (the real check,
 * made after the socket entered the room, still reads each caller's session and roles from the
 * database). Someone not in the set (an admin, an outsider, a participant added this second) goes
 * through the full check as before.
 */
@Injectable()
export class ParticipantIdsCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly dataSource: DataSource) {}

  async has(meetingId: string, userId: string, now = Date.now()): Promise<boolean> {
    let entry = this.entries.get(meetingId);
    if (!entry || now - entry.readAt > PARTICIPANT_IDS_TTL_MS) {
      entry = { readAt: now, ids: this.read(meetingId) };
      this.entries.delete(meetingId);
      this.entries.set(meetingId, entry);
      if (this.entries.size > MAX_MEETINGS) this.entries.delete(this.entries.keys().next().value!);
      const failed = entry;
      entry.ids.catch(() => this.entries.get(meetingId) === failed && this.entries.delete(meetingId));
    }
    return (await entry.ids).has(userId);
  }

  /** A participant was removed through this node: the next join reads again. */
  forget(meetingId: string): void {
    this.entries.delete(meetingId);
  }

  private async read(meetingId: string): Promise<Set<string>> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      'SELECT user_id FROM meeting_participants WHERE meeting_id = $1',
      [meetingId],
    );
    return new Set(rows.map((r) => r.user_id));
  }
}
