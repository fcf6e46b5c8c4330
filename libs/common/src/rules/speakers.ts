import type { Speaker, SpeakersState } from '../schemas/speakers';
import type { MeetingStatus } from '../schemas/meetings';
import type { MeetingActor, RuleResult } from './meeting-lifecycle';

/*
 * The list of speakers as pure rules: the order of the queue, the time limit that applies, and who
 * may do what. The server enforces them; every screen uses the same functions to show the list.
 */

const ALLOWED = { ok: true } as const;

/** Waiting requests of an item in speaking order: points of order first, then by position. */
export function speakerQueue(list: readonly Speaker[], agendaItemId: string): Speaker[] {
  return list
    .filter((s) => s.agendaItemId === agendaItemId && s.status === 'waiting')
    .sort(
      (a, b) =>
        Number(b.kind === 'point_of_order') - Number(a.kind === 'point_of_order') ||
        a.position - b.position ||
        a.requestedAt.localeCompare(b.requestedAt),
    );
}

/** The position a new request takes: after every request of the item. */
export function nextSpeakerPosition(list: readonly Speaker[], agendaItemId: string): number {
  return (
    list.filter((s) => s.agendaItemId === agendaItemId).reduce((max, s) => Math.max(max, s.position), 0) + 1
  );
}

/** Who speaks now in the meeting (one at a time), or null. */
export function currentSpeaker(list: readonly Speaker[]): Speaker | null {
  return list.find((s) => s.status === 'speaking') ?? null;
}

/** The limit that applies: the speaker's own, else the item's, else the meeting's default. */
export function speakingLimitSeconds(
  state: SpeakersState,
  speaker: Pick<Speaker, 'agendaItemId' | 'limitSeconds'>,
): number {
  return (
    speaker.limitSeconds ??
    state.items.find((i) => i.agendaItemId === speaker.agendaItemId)?.limitSeconds ??
    state.defaultLimitSeconds
  );
}

export interface SpeechClock {
  /** Seconds left (negative in overtime). */
  remainingSeconds: number;
  phase: 'normal' | 'warning' | 'overtime';
}

/** The warning shows in the last 30 s (or the last fifth of a short limit). */
export function speechClock(startedAtMs: number, limitSeconds: number, serverNowMs: number): SpeechClock {
  // A screen's estimate of the server clock can trail the server's own start instant by a few
  // milliseconds: the floor was just given, so it shows the full limit, never more.
  const elapsedMs = Math.max(0, serverNowMs - startedAtMs);
  const remaining = limitSeconds - elapsedMs / 1000;
  const warnAt = Math.min(30, limitSeconds / 5);
  const remainingSeconds = remaining >= 0 ? Math.ceil(remaining) : -Math.floor(-remaining);
  return { remainingSeconds, phase: remaining < 0 ? 'overtime' : remaining <= warnAt ? 'warning' : 'normal' };
}

/** Any participant (guests too) asks for the floor while the meeting is live. */
export function checkRequestFloor(
  status: MeetingStatus,
  actor: MeetingActor,
): RuleResult<'NOT_A_PARTICIPANT' | 'MEETING_NOT_LIVE'> {
  if (actor.meetingRole === null) return { ok: false, code: 'NOT_A_PARTICIPANT' };
  if (status !== 'live') return { ok: false, code: 'MEETING_NOT_LIVE' };
  return ALLOWED;
}

/** Granting, ending, ordering, adding, removing, limits, closing: the chair (or an admin), live only. */
export function checkChairSpeakers(
  status: MeetingStatus,
  actor: MeetingActor,
): RuleResult<'MEETING_ROLE_REQUIRED' | 'MEETING_NOT_LIVE'> {
  if (actor.systemRole !== 'admin' && actor.meetingRole !== 'chair')
    return { ok: false, code: 'MEETING_ROLE_REQUIRED' };
  if (status !== 'live') return { ok: false, code: 'MEETING_NOT_LIVE' };
  return ALLOWED;
}
