import { Injectable } from '@nestjs/common';
import type { AttendanceRecord, AttendanceSettings, AttendanceState, MeetingRole } from '@phonghop/common';
import { DEFAULT_ATTENDANCE_SETTINGS } from '@phonghop/common';
import { DataSource, EntityManager } from 'typeorm';
import { AttendanceRecordEntity } from './attendance-record.entity';
import { AttendanceSettingsEntity } from './attendance-settings.entity';

/** Queries of attendance records and quorum settings. Returns plain objects. */
@Injectable()
export class AttendanceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async state(meetingId: string, manager?: EntityManager): Promise<AttendanceState> {
    const m = manager ?? this.dataSource.manager;
    return { settings: await this.settings(meetingId, m), records: await this.records(meetingId, m) };
  }

  async settings(meetingId: string, manager?: EntityManager): Promise<AttendanceSettings> {
    const row = await (manager ?? this.dataSource.manager)
      .getRepository(AttendanceSettingsEntity)
      .findOne({ where: { meetingId } });
    if (!row) return { ...DEFAULT_ATTENDANCE_SETTINGS };
    return {
      quorumNumerator: row.quorumNumerator,
      quorumDenominator: row.quorumDenominator,
      quorumAtLeast: row.quorumAtLeast,
      proxiesAllowed: row.proxiesAllowed,
      proxiesCount: row.proxiesCount,
    };
  }

  /** Latest record per person, in the order they last changed (as the client reducer keeps them). */
  async records(meetingId: string, manager?: EntityManager): Promise<AttendanceRecord[]> {
    const rows = await (manager ?? this.dataSource.manager)
      .getRepository(AttendanceRecordEntity)
      .find({ where: { meetingId }, order: { markedSeq: 'ASC' } });
    return rows.map(toRecord);
  }

  async saveSettings(manager: EntityManager, meetingId: string, settings: AttendanceSettings): Promise<void> {
    await manager.getRepository(AttendanceSettingsEntity).upsert({ meetingId, ...settings }, ['meetingId']);
  }

  async saveRecord(
    manager: EntityManager,
    meetingId: string,
    record: AttendanceRecord,
    seq: number,
  ): Promise<void> {
    await manager.getRepository(AttendanceRecordEntity).upsert(
      {
        meetingId,
        userId: record.userId,
        status: record.status,
        absenceReason: record.absenceReason,
        note: record.note,
        proxyHolderId: record.proxyHolderId,
        method: record.method,
        markedById: record.markedById,
        markedAt: new Date(record.markedAt),
        markedSeq: seq,
      },
      ['meetingId', 'userId'],
    );
  }

  /** The meeting's participants and their roles (for the quorum and the proxy rules). */
  async members(meetingId: string, manager: EntityManager): Promise<{ userId: string; role: MeetingRole }[]> {
    const rows: { user_id: string; role: MeetingRole }[] = await manager.query(
      'SELECT user_id, role FROM meeting_participants WHERE meeting_id = $1',
      [meetingId],
    );
    return rows.map((r) => ({ userId: r.user_id, role: r.role }));
  }
}

function toRecord(row: AttendanceRecordEntity): AttendanceRecord {
  return {
    userId: row.userId,
    status: row.status,
    absenceReason: row.absenceReason,
    note: row.note,
    proxyHolderId: row.proxyHolderId,
    method: row.method,
    markedById: row.markedById,
    markedAt: row.markedAt.toISOString(),
  };
}
