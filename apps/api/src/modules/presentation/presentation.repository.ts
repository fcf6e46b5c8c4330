import { Injectable } from '@nestjs/common';
import type { AgendaItem, MeetingEvent, Presentation } from '@phonghop/common';
import { DataSource, EntityManager } from 'typeorm';

/** The three presentation events; the last of them says what is shown now. */
const PRESENTATION_EVENTS = ['document.presented', 'document.pageTurned', 'document.presentationStopped'];

/**
 * Queries of follow-the-presenter. There is no state table: what is presented now is the payload of
 * the meeting's last presentation event (each carries the whole presentation), read from the log —
 * so the state can never disagree with the record (see docs/events/document.turnPage.md).
 */
@Injectable()
export class PresentationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** What the meeting presents now (null: nothing). Only a live meeting presents. */
  async current(meetingId: string, manager?: EntityManager): Promise<Presentation | null> {
    const m = manager ?? this.dataSource.manager;
    const rows: { type: string; payload: MeetingEvent['payload']; status: string }[] = await m.query(
      `SELECT e.type, e.payload, m.status
         FROM meetings m
         JOIN LATERAL (
           SELECT type, payload FROM meeting_events
            WHERE meeting_id = m.id AND type = ANY($2)
            ORDER BY seq DESC LIMIT 1
         ) e ON true
        WHERE m.id = $1`,
      [meetingId, PRESENTATION_EVENTS],
    );
    const last = rows[0];
    if (!last || last.status !== 'live' || last.type === 'document.presentationStopped') return null;
    return (last.payload as { presentation: Presentation }).presentation;
  }

  async agenda(
    manager: EntityManager,
    meetingId: string,
  ): Promise<Pick<AgendaItem, 'status' | 'presenterId'>[]> {
    const rows: { status: AgendaItem['status']; presenter_id: string | null }[] = await manager.query(
      'SELECT status, presenter_id FROM agenda_items WHERE meeting_id = $1',
      [meetingId],
    );
    return rows.map((r) => ({ status: r.status, presenterId: r.presenter_id }));
  }
}
