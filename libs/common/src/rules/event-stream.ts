import type { AgendaItem, AgendaItemProgress } from '../schemas/agenda';
import { DEFAULT_ATTENDANCE_SETTINGS } from '../schemas/attendance';
import { EMPTY_SPEAKERS_STATE, type Speaker } from '../schemas/speakers';
import { EMPTY_POLLS_STATE, type Poll } from '../schemas/polls';
import type { MeetingDocument } from '../schemas/documents';
import type {
  MeetingEvent,
  MeetingEventOf,
  MeetingEventType,
  MeetingSnapshot,
} from '../schemas/meeting-events';

/*
 * The client side of the meeting event log, pure so the web app and the tests share it:
 *  - applyMeetingEvent: the reducer that turns a snapshot at seq n and event n+1 into the snapshot
 *    at n+1 — the same state the server holds after that event.
 *  - MeetingEventBuffer: puts events into seq order, drops the ones already applied, reports gaps.
 *  - MeetingEventStream: both together, what a room screen holds.
 */

type Handler<K extends MeetingEventType> = (s: MeetingSnapshot, e: MeetingEventOf<K>) => MeetingSnapshot;

const byPosition = (a: AgendaItem, b: AgendaItem) => a.position - b.position;

function reorder(agenda: AgendaItem[], order: string[]): AgendaItem[] {
  const rank = new Map(order.map((id, i) => [id, i + 1]));
  return agenda
    .filter((item) => rank.has(item.id))
    .map((item) => ({ ...item, position: rank.get(item.id)! }))
    .sort(byPosition);
}

function applyProgress(agenda: AgendaItem[], progress: AgendaItemProgress[]): AgendaItem[] {
  const changes = new Map(progress.map((p) => [p.id, p]));
  return agenda.map((item) => {
    const p = changes.get(item.id);
    return p ? { ...item, status: p.status, startedAt: p.startedAt, endedAt: p.endedAt } : item;
  });
}

/** One handler per event type. Later domains add theirs (an unknown type only advances seq). */
const HANDLERS: { [K in MeetingEventType]: Handler<K> } = {
  'meeting.created': (s, e) => ({
    ...s,
    meeting: e.payload.meeting,
    participants: e.payload.participants,
    agenda: [],
    attendance: { settings: DEFAULT_ATTENDANCE_SETTINGS, records: [] },
    speakers: EMPTY_SPEAKERS_STATE,
    polls: EMPTY_POLLS_STATE,
    documents: [],
    documentComments: [],
    presentation: null,
  }),
  'meeting.updated': (s, e) => ({ ...s, meeting: { ...s.meeting, ...e.payload.changes } }),
  'meeting.statusChanged': (s, e) => ({
    ...s,
    meeting: { ...s.meeting, status: e.payload.to },
    agenda: applyProgress(s.agenda, e.payload.agenda),
    // A presentation lasts only while the session is live.
    presentation: e.payload.to === 'live' ? s.presentation : null,
  }),
  'participant.added': (s, e) => ({
    ...s,
    participants: [
      ...s.participants.filter((p) => p.userId !== e.payload.participant.userId),
      e.payload.participant,
    ],
  }),
  'participant.removed': (s, e) => ({
    ...s,
    participants: s.participants.filter((p) => p.userId !== e.payload.userId),
  }),
  'participant.roleChanged': (s, e) => ({
    ...s,
    participants: s.participants.map((p) =>
      p.userId === e.payload.userId ? { ...p, role: e.payload.role } : p,
    ),
  }),
  'participant.chairHandedOver': (s, e) => ({
    ...s,
    participants: s.participants.map((p) =>
      p.userId === e.payload.toUserId
        ? { ...p, role: 'chair' }
        : e.payload.fromUserIds.includes(p.userId)
          ? { ...p, role: 'delegate' }
          : p,
    ),
  }),
  'participant.responded': (s, e) => ({
    ...s,
    participants: s.participants.map((p) =>
      p.userId === e.payload.userId
        ? {
            ...p,
            invitation: e.payload.invitation,
            declineReason: e.payload.declineReason,
            respondedAt: e.payload.respondedAt,
          }
        : p,
    ),
  }),
  'agenda.itemAdded': (s, e) => ({
    ...s,
    agenda: reorder([...s.agenda.filter((i) => i.id !== e.payload.item.id), e.payload.item], e.payload.order),
  }),
  'agenda.itemUpdated': (s, e) => ({
    ...s,
    agenda: s.agenda.map((i) => (i.id === e.payload.itemId ? { ...i, ...e.payload.changes } : i)),
  }),
  'agenda.itemRemoved': (s, e) => ({
    ...s,
    agenda: reorder(s.agenda, e.payload.order),
    // The item's speaking settings go with it (the database cascades them too).
    speakers: { ...s.speakers, items: s.speakers.items.filter((i) => i.agendaItemId !== e.payload.itemId) },
    // Polls of the item stay (the database sets their item to null).
    polls: {
      items: s.polls.items.map((p) =>
        p.agendaItemId === e.payload.itemId ? { ...p, agendaItemId: null } : p,
      ),
    },
    // Its documents stay, as documents of the whole meeting (the database sets agenda_item_id null).
    documents: s.documents.map((d) =>
      d.agendaItemId === e.payload.itemId ? { ...d, agendaItemId: null } : d,
    ),
  }),
  'agenda.reordered': (s, e) => ({ ...s, agenda: reorder(s.agenda, e.payload.order) }),
  'agenda.currentChanged': (s, e) => ({ ...s, agenda: applyProgress(s.agenda, e.payload.items) }),
  'attendance.marked': (s, e) => ({
    ...s,
    attendance: {
      ...s.attendance,
      records: [
        ...s.attendance.records.filter((r) => r.userId !== e.payload.record.userId),
        e.payload.record,
      ],
    },
  }),
  'attendance.configured': (s, e) => ({
    ...s,
    attendance: { ...s.attendance, settings: e.payload.settings },
  }),
  'speaker.requested': (s, e) => ({
    ...s,
    speakers: {
      ...s.speakers,
      list: [...s.speakers.list.filter((x) => x.id !== e.payload.speaker.id), e.payload.speaker],
    },
  }),
  'speaker.withdrawn': (s, e) =>
    updateSpeaker(s, e.payload.speakerId, { status: 'withdrawn', endedAt: e.payload.at }),
  'speaker.removed': (s, e) =>
    updateSpeaker(s, e.payload.speakerId, { status: 'removed', endedAt: e.payload.at }),
  'speaker.reordered': (s, e) => {
    const rank = new Map(e.payload.order.map((id, i) => [id, i + 1]));
    return {
      ...s,
      speakers: {
        ...s.speakers,
        list: s.speakers.list.map((x) => (rank.has(x.id) ? { ...x, position: rank.get(x.id)! } : x)),
      },
    };
  },
  'speaker.granted': (s, e) =>
    updateSpeaker(s, e.payload.speakerId, {
      status: 'speaking',
      startedAt: e.payload.startedAt,
      limitSeconds: e.payload.limitSeconds,
    }),
  'speaker.ended': (s, e) =>
    updateSpeaker(s, e.payload.speakerId, { status: 'done', endedAt: e.payload.endedAt }),
  'speaker.configured': (s, e) => {
    const item = e.payload.item;
    const items = item
      ? s.speakers.items.some((i) => i.agendaItemId === item.agendaItemId)
        ? s.speakers.items.map((i) => (i.agendaItemId === item.agendaItemId ? item : i))
        : [...s.speakers.items, item]
      : s.speakers.items;
    return { ...s, speakers: { ...s.speakers, defaultLimitSeconds: e.payload.defaultLimitSeconds, items } };
  },
  // ---- voting (polls) ----
  'poll.created': (s, e) => ({
    ...s,
    polls: { items: [...s.polls.items.filter((p) => p.id !== e.payload.poll.id), e.payload.poll] },
  }),
  'poll.updated': (s, e) => updatePoll(s, e.payload.poll.id, e.payload.poll),
  'poll.deleted': (s, e) => ({
    ...s,
    polls: { items: s.polls.items.filter((p) => p.id !== e.payload.pollId) },
  }),
  'poll.opened': (s, e) =>
    updatePoll(s, e.payload.pollId, {
      status: 'open',
      openedAt: e.payload.openedAt,
      closesAt: e.payload.closesAt,
      members: e.payload.members,
      voters: e.payload.voters,
      quorum: e.payload.quorum,
    }),
  'poll.voterAdded': (s, e) => {
    const poll = s.polls.items.find((p) => p.id === e.payload.pollId);
    if (!poll) return s;
    return updatePoll(s, poll.id, {
      voters: [...poll.voters.filter((v) => v.userId !== e.payload.voter.userId), e.payload.voter],
    });
  },
  'poll.closed': (s, e) =>
    updatePoll(s, e.payload.pollId, {
      status: 'closed',
      closedAt: e.payload.closedAt,
      result: e.payload.result,
      ballotsHash: e.payload.ballotsHash,
    }),
  'poll.published': (s, e) =>
    updatePoll(s, e.payload.pollId, {
      status: 'published',
      publishedAt: e.payload.publishedAt,
      receipts: e.payload.receipts,
      votes: e.payload.votes,
    }),
  // ---- documents (issue 10) ----
  'document.added': (s, e) => ({
    ...s,
    documents: [...s.documents.filter((d) => d.id !== e.payload.document.id), e.payload.document],
  }),
  'document.versionAdded': (s, e) =>
    updateDocument(s, e.payload.documentId, (d) => ({
      ...d,
      currentVersionId: e.payload.version.id,
      versions: [...d.versions.filter((v) => v.id !== e.payload.version.id), e.payload.version],
    })),
  'document.updated': (s, e) =>
    updateDocument(s, e.payload.documentId, (d) => ({ ...d, ...e.payload.changes })),
  'document.removed': (s, e) => ({
    ...s,
    documents: s.documents.filter((d) => d.id !== e.payload.documentId),
  }),
  'document.statusChanged': (s, e) =>
    updateDocument(s, e.payload.documentId, (d) => ({
      ...d,
      versions: d.versions.map((v) =>
        v.id === e.payload.versionId
          ? {
              ...v,
              status: e.payload.status,
              failureReason: e.payload.failureReason,
              pageCount: e.payload.pageCount,
              removed: e.payload.removed,
            }
          : v,
      ),
    })),
  // document comments (docs-notes)
  'document.commented': (s, e) => countComment(s, e.payload.comment.documentId, +1),
  'document.commentWithdrawn': (s, e) => countComment(s, e.payload.documentId, -1),
  // follow the presenter (issue 10, docs-web)
  'document.presented': (s, e) => ({ ...s, presentation: e.payload.presentation }),
  'document.pageTurned': (s, e) => ({ ...s, presentation: e.payload.presentation }),
  'document.presentationStopped': (s) => ({ ...s, presentation: null }),
  // ---- document copies (issue 10): the record of who read what; the room's state does not change ----
  'document.viewed': (s) => s,
  'document.downloaded': (s) => s,
};

function updatePoll(s: MeetingSnapshot, id: string, patch: Partial<Poll>): MeetingSnapshot {
  return { ...s, polls: { items: s.polls.items.map((p) => (p.id === id ? { ...p, ...patch } : p)) } };
}

function updateDocument(
  s: MeetingSnapshot,
  id: string,
  change: (d: MeetingDocument) => MeetingDocument,
): MeetingSnapshot {
  return { ...s, documents: s.documents.map((d) => (d.id === id ? change(d) : d)) };
}

/** docs-notes: the per-document comment count moves by `delta` (documents with none are left out). */
function countComment(s: MeetingSnapshot, documentId: string, delta: number): MeetingSnapshot {
  const current = s.documentComments.find((c) => c.documentId === documentId)?.count ?? 0;
  const others = s.documentComments.filter((c) => c.documentId !== documentId);
  const count = Math.max(0, current + delta);
  return {
    ...s,
    // Ordered by document id, as the server's snapshot lists them, so both are equal.
    documentComments: (count > 0 ? [...others, { documentId, count }] : others).sort((a, b) =>
      a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0,
    ),
  };
}

function updateSpeaker(s: MeetingSnapshot, id: string, patch: Partial<Speaker>): MeetingSnapshot {
  return {
    ...s,
    speakers: { ...s.speakers, list: s.speakers.list.map((x) => (x.id === id ? { ...x, ...patch } : x)) },
  };
}

export class MeetingEventOrderError extends Error {}

/**
 * Applies event `seq + 1` to a snapshot at `seq` and returns the new snapshot (the input is not
 * changed). Throws MeetingEventOrderError for any other seq: order is the buffer's job, and applying
 * out of order would silently diverge from the server.
 */
export function applyMeetingEvent(snapshot: MeetingSnapshot, event: MeetingEvent): MeetingSnapshot {
  if (event.meetingId !== snapshot.meeting.id) {
    throw new MeetingEventOrderError(`event of meeting ${event.meetingId} applied to ${snapshot.meeting.id}`);
  }
  if (event.seq !== snapshot.seq + 1) {
    throw new MeetingEventOrderError(`event seq ${event.seq} applied to snapshot at seq ${snapshot.seq}`);
  }
  const handler = HANDLERS[event.type] as Handler<MeetingEventType> | undefined;
  const next = handler ? handler(snapshot, event as never) : snapshot;
  return { ...next, seq: event.seq, meeting: { ...next.meeting, lastSeq: event.seq } };
}

export interface BufferPushResult {
  /** Events now ready to apply, in seq order (possibly empty). */
  ready: MeetingEvent[];
  /** The event was already applied or already buffered; it was dropped. */
  duplicate: boolean;
  /**
   * Events are missing between the last applied seq and the ones held; the client should rejoin
   * with `sinceSeq` (after a short wait: the missing ones may still be in flight).
   */
  gap: { fromSeq: number; toSeq: number } | null;
}

/**
 * Orders a meeting's events by seq. Holds events that arrive early, releases them once the missing
 * ones arrive, drops duplicates (seq ≤ the last applied or already held).
 */
export class MeetingEventBuffer {
  private held = new Map<number, MeetingEvent>();

  /** @param seq the last seq already applied (the snapshot's). */
  constructor(
    private applied: number,
    /** More held events than this means the stream is broken: report the gap, keep holding. */
    readonly maxHeld = 1000,
  ) {}

  /** The last seq released for applying. */
  get seq(): number {
    return this.applied;
  }

  get heldCount(): number {
    return this.held.size;
  }

  /** Starts over at `seq` (after a snapshot); held events past it are kept, older ones dropped. */
  reset(seq: number): MeetingEvent[] {
    this.applied = seq;
    for (const s of [...this.held.keys()]) if (s <= seq) this.held.delete(s);
    return this.drain();
  }

  push(event: MeetingEvent): BufferPushResult {
    if (event.seq <= this.applied || this.held.has(event.seq)) {
      return { ready: [], duplicate: true, gap: this.gap() };
    }
    this.held.set(event.seq, event);
    return { ready: this.drain(), duplicate: false, gap: this.gap() };
  }

  /** The missing range before the first held event, or null when nothing is held. */
  gap(): { fromSeq: number; toSeq: number } | null {
    if (this.held.size === 0) return null;
    const first = Math.min(...this.held.keys());
    return { fromSeq: this.applied + 1, toSeq: first - 1 };
  }

  private drain(): MeetingEvent[] {
    const ready: MeetingEvent[] = [];
    for (let next = this.held.get(this.applied + 1); next; next = this.held.get(this.applied + 1)) {
      this.held.delete(next.seq);
      this.applied = next.seq;
      ready.push(next);
    }
    return ready;
  }
}

/**
 * A room's state on a client: the snapshot plus the ordering buffer. Feed it the `meeting.join`
 * ack and every `meeting.event`; read `snapshot`. When `gap` is non-null for a while, rejoin with
 * `sinceSeq: stream.seq`.
 */
export class MeetingEventStream {
  private buffer: MeetingEventBuffer;

  constructor(private current: MeetingSnapshot) {
    this.buffer = new MeetingEventBuffer(current.seq);
  }

  get snapshot(): MeetingSnapshot {
    return this.current;
  }

  get seq(): number {
    return this.current.seq;
  }

  get gap(): { fromSeq: number; toSeq: number } | null {
    return this.buffer.gap();
  }

  /** Replaces the state with a fresh snapshot; events held past its seq are applied on top. */
  loadSnapshot(snapshot: MeetingSnapshot): void {
    this.current = snapshot;
    this.applyAll(this.buffer.reset(snapshot.seq));
  }

  /** Applies one event or a batch (e.g. the missed events of a rejoin); returns how many were applied. */
  receive(events: MeetingEvent | readonly MeetingEvent[]): number {
    let applied = 0;
    for (const event of Array.isArray(events) ? events : [events as MeetingEvent]) {
      applied += this.applyAll(this.buffer.push(event).ready);
    }
    return applied;
  }

  /** Presence is not in the log; it replaces the list as the server sends it. */
  setOnline(online: string[], count = online.length): void {
    this.current = { ...this.current, online: [...online], onlineCount: count };
  }

  /** How many are in the room (`presence.count`), for a client that does not watch who. */
  setOnlineCount(count: number): void {
    this.current = { ...this.current, onlineCount: count };
  }

  private applyAll(events: MeetingEvent[]): number {
    for (const e of events) this.current = applyMeetingEvent(this.current, e);
    return events.length;
  }
}
