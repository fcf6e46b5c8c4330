import { Injectable } from '@nestjs/common';
import type { Speaker, SpeakerItemSettings, SpeakersState } from '@phonghop/common';
import { DEFAULT_SPEAKING_LIMIT_SECONDS } from '@phonghop/common';
import { DataSource, EntityManager } from 'typeorm';
import { SpeakerItemSettingsEntity, SpeakerSettingsEntity } from './speaker-settings.entity';
import { SpeakerEntity } from './speaker.entity';

/** Queries of the list of speakers and its settings. Returns plain objects. */
@Injectable()
export class SpeakersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async state(meetingId: string, manager?: EntityManager): Promise<SpeakersState> {
    const m = manager ?? this.dataSource.manager;
    const settings = await m.getRepository(SpeakerSettingsEntity).findOne({ where: { meetingId } });
    const items = await m
      .getRepository(SpeakerItemSettingsEntity)
      .find({ where: { meetingId }, order: { createdSeq: 'ASC' } });
    const rows = await m
      .getRepository(SpeakerEntity)
      .find({ where: { meetingId }, order: { createdSeq: 'ASC' } });
    return {
      defaultLimitSeconds: settings?.defaultLimitSeconds ?? DEFAULT_SPEAKING_LIMIT_SECONDS,
      items: items.map((i) => ({
        agendaItemId: i.agendaItemId,
        limitSeconds: i.limitSeconds,
        closed: i.closed,
      })),
      list: rows.map(toSpeaker),
    };
  }

  async insert(manager: EntityManager, meetingId: string, speaker: Speaker, seq: number): Promise<void> {
    await manager.getRepository(SpeakerEntity).insert({
      ...speaker,
      meetingId,
      requestedAt: new Date(speaker.requestedAt),
      startedAt: null,
      endedAt: null,
      createdSeq: seq,
    });
  }

  async update(
    manager: EntityManager,
    id: string,
    patch: Partial<Pick<Speaker, 'status' | 'position' | 'limitSeconds' | 'startedAt' | 'endedAt'>>,
  ): Promise<void> {
    const { startedAt, endedAt, ...rest } = patch;
    await manager.getRepository(SpeakerEntity).update(
      { id },
      {
        ...rest,
        ...(startedAt !== undefined ? { startedAt: startedAt ? new Date(startedAt) : null } : {}),
        ...(endedAt !== undefined ? { endedAt: endedAt ? new Date(endedAt) : null } : {}),
      },
    );
  }

  async saveDefaultLimit(
    manager: EntityManager,
    meetingId: string,
    defaultLimitSeconds: number,
  ): Promise<void> {
    await manager
      .getRepository(SpeakerSettingsEntity)
      .upsert({ meetingId, defaultLimitSeconds }, ['meetingId']);
  }

  async saveItem(
    manager: EntityManager,
    meetingId: string,
    item: SpeakerItemSettings,
    seq: number,
  ): Promise<void> {
    // createdSeq stays that of the first configuration (the order clients keep the items in).
    await manager.query(
      `INSERT INTO speaker_item_settings (agenda_item_id, meeting_id, limit_seconds, closed, created_seq)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (agenda_item_id) DO UPDATE SET limit_seconds = EXCLUDED.limit_seconds, closed = EXCLUDED.closed`,
      [item.agendaItemId, meetingId, item.limitSeconds, item.closed, seq],
    );
  }

  async currentItemId(manager: EntityManager, meetingId: string): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM agenda_items WHERE meeting_id = $1 AND status = 'active'`,
      [meetingId],
    );
    return rows[0]?.id ?? null;
  }

  async itemExists(manager: EntityManager, meetingId: string, itemId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM agenda_items WHERE meeting_id = $1 AND id = $2',
      [meetingId, itemId],
    );
    return rows.length > 0;
  }

  async isParticipant(manager: EntityManager, meetingId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM meeting_participants WHERE meeting_id = $1 AND user_id = $2',
      [meetingId, userId],
    );
    return rows.length > 0;
  }
}

function toSpeaker(row: SpeakerEntity): Speaker {
  return {
    id: row.id,
    agendaItemId: row.agendaItemId,
    userId: row.userId,
    kind: row.kind,
    status: row.status,
    position: row.position,
    limitSeconds: row.limitSeconds,
    requestedAt: row.requestedAt.toISOString(),
    addedById: row.addedById,
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
  };
}
