import { Injectable } from '@nestjs/common';
import type { AgendaItem, AgendaItemProgress } from '@phonghop/common';
import { DataSource, EntityManager } from 'typeorm';
import { toAgendaItem } from '../meetings/meeting.mapper';
import { AgendaItemEntity } from './agenda-item.entity';

export type AgendaItemPatch = Partial<
  Pick<AgendaItem, 'title' | 'description' | 'presenterId' | 'plannedMinutes' | 'status'>
>;

/**
 * Queries of agenda items. Positions stay dense (1..n); the unique (meeting, position) constraint
 * is deferred to commit, so shifting and renumbering may pass through duplicates.
 */
@Injectable()
export class AgendaRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(meetingId: string, manager?: EntityManager): Promise<AgendaItem[]> {
    const rows = await (manager ?? this.dataSource.manager)
      .getRepository(AgendaItemEntity)
      .find({ where: { meetingId }, order: { position: 'ASC' } });
    return rows.map(toAgendaItem);
  }

  async insert(manager: EntityManager, meetingId: string, item: AgendaItem): Promise<void> {
    // Make room at the position first (no-op when appending).
    await manager.query(
      'UPDATE agenda_items SET position = position + 1 WHERE meeting_id = $1 AND position >= $2',
      [meetingId, item.position],
    );
    await manager.query(
      `INSERT INTO agenda_items (id, meeting_id, position, title, description, presenter_id, planned_minutes, status,
                                 started_at, ended_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        item.id,
        meetingId,
        item.position,
        item.title,
        item.description,
        item.presenterId,
        item.plannedMinutes,
        item.status,
        item.startedAt,
        item.endedAt,
      ],
    );
  }

  async update(manager: EntityManager, itemId: string, patch: AgendaItemPatch): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await manager.getRepository(AgendaItemEntity).update({ id: itemId }, patch);
  }

  /** Deletes the item and closes the hole in the positions. */
  async remove(manager: EntityManager, meetingId: string, itemId: string): Promise<void> {
    await manager.query('DELETE FROM agenda_items WHERE id = $1 AND meeting_id = $2', [itemId, meetingId]);
    await manager.query(
      `UPDATE agenda_items a SET position = r.rn
         FROM (SELECT id, row_number() OVER (ORDER BY position)::int AS rn FROM agenda_items WHERE meeting_id = $1) r
        WHERE a.id = r.id AND a.position <> r.rn`,
      [meetingId],
    );
  }

  /** Sets positions 1..n in the order of `itemIds` (all of the meeting's items). */
  async setOrder(manager: EntityManager, meetingId: string, itemIds: string[]): Promise<void> {
    await manager.query(
      `UPDATE agenda_items a SET position = o.ord
         FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ord)
        WHERE a.id = o.id AND a.meeting_id = $1 AND a.position <> o.ord`,
      [meetingId, itemIds],
    );
  }

  /** Writes status and times; callers order the list so the old current item is closed first. */
  async setProgress(manager: EntityManager, progress: AgendaItemProgress[]): Promise<void> {
    for (const p of progress) {
      await manager.query(
        'UPDATE agenda_items SET status = $2, started_at = $3, ended_at = $4 WHERE id = $1',
        [p.id, p.status, p.startedAt, p.endedAt],
      );
    }
  }

  async isParticipant(manager: EntityManager, meetingId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM meeting_participants WHERE meeting_id = $1 AND user_id = $2',
      [meetingId, userId],
    );
    return rows.length > 0;
  }
}
