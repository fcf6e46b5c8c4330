import { Injectable } from '@nestjs/common';
import type {
  AttendanceConfigureCommand,
  AttendanceMethod,
  AttendanceRecord,
  AttendanceSettings,
  AttendanceStatus,
  Quorum,
} from '@phonghop/common';
import {
  checkConfigureAttendance,
  checkSelfCheckIn,
  checkTakeAttendance,
  computeQuorum,
  isPresentStatus,
  isVotingRole,
} from '@phonghop/common';
import type { EntityManager } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { Caller, enforce } from '../meeting-events/caller';
import {
  CommandContext,
  CommandResponse,
  MeetingCommandService,
} from '../meeting-events/meeting-command.service';
import { AttendanceRepository } from './attendance.repository';

export interface MarkRequest {
  userId: string;
  status: AttendanceStatus;
  absenceReason?: AttendanceRecord['absenceReason'];
  note?: string;
}

/**
 * Attendance (điểm danh): a participant checks in on the tablet; the secretary marks anyone and
 * records proxies; the secretary sets the quorum rule. Every change is one command on the meeting
 * event log (`attendance.marked`, `attendance.configured`); the state table keeps only the latest.
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly commands: MeetingCommandService,
    private readonly attendance: AttendanceRepository,
  ) {}

  /** "Có mặt": the caller checks themself in, in the room. */
  checkIn(
    caller: Caller,
    meetingId: string,
    method: Extract<AttendanceMethod, 'self' | 'qr'> = 'self',
    command = 'attendance.checkIn',
    /** Runs inside the transaction before the record is written (the QR check-in's one-use check). */
    guard?: (ctx: CommandContext) => Promise<void>,
  ): Promise<CommandResponse<AttendanceRecord>> {
    return this.commands.execute({
      ...spec(caller, meetingId, command, {}),
      handle: async (ctx) => {
        enforce(checkSelfCheckIn(ctx.meeting.status, ctx.actor));
        if (guard) await guard(ctx);
        return this.record(
          ctx,
          caller.user.id,
          { status: 'present_room', absenceReason: null, note: null },
          method,
        );
      },
    });
  }

  /** The secretary marks someone: present (room/online), late, absent with a reason, or left. */
  mark(caller: Caller, meetingId: string, request: MarkRequest): Promise<CommandResponse<AttendanceRecord>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'attendance.mark', request),
      handle: async (ctx) => {
        enforce(checkTakeAttendance(ctx.meeting.status, ctx.actor));
        await this.member(ctx, request.userId);
        return this.record(
          ctx,
          request.userId,
          {
            status: request.status,
            absenceReason: request.status === 'absent' ? (request.absenceReason ?? null) : null,
            note: request.note ?? null,
          },
          'secretary',
        );
      },
    });
  }

  /** Records (or withdraws, with `toUserId: null`) an absent voting member's proxy to a present one. */
  setProxy(
    caller: Caller,
    meetingId: string,
    fromUserId: string,
    toUserId: string | null,
  ): Promise<CommandResponse<AttendanceRecord>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'attendance.setProxy', { fromUserId, toUserId }),
      handle: async (ctx) => {
        enforce(checkTakeAttendance(ctx.meeting.status, ctx.actor));
        const settings = await this.attendance.settings(meetingId, ctx.manager);
        if (!settings.proxiesAllowed) throw new AppException('PROXIES_NOT_ALLOWED');
        const giver = await this.member(ctx, fromUserId);
        const records = await this.attendance.records(meetingId, ctx.manager);
        const current = records.find((r) => r.userId === fromUserId);
        if (!isVotingRole(giver.role) || current?.status !== 'absent')
          throw new AppException('PROXY_INVALID');
        if (toUserId !== null) {
          const holder = await this.member(ctx, toUserId);
          const holderStatus = records.find((r) => r.userId === toUserId)?.status;
          const holdsAnother = records.some(
            (r) => r.proxyHolderId === toUserId && r.userId !== fromUserId && r.status === 'absent',
          );
          if (
            toUserId === fromUserId ||
            !isVotingRole(holder.role) ||
            !isPresentStatus(holderStatus) ||
            holdsAnother
          ) {
            throw new AppException('PROXY_INVALID');
          }
        }
        const record: AttendanceRecord = {
          ...current,
          proxyHolderId: toUserId,
          method: 'secretary',
          markedById: ctx.actor.userId,
          markedAt: ctx.at.toISOString(),
        };
        await this.attendance.saveRecord(ctx.manager, meetingId, record, ctx.seq);
        return {
          type: 'attendance.marked',
          payload: { record, previousStatus: current.status },
          result: record,
        };
      },
    });
  }

  /** The quorum rule and the proxy policy (only the fields given change). */
  configure(
    caller: Caller,
    meetingId: string,
    changes: Omit<AttendanceConfigureCommand, 'meetingId' | 'idempotencyKey'>,
  ): Promise<CommandResponse<AttendanceSettings>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'attendance.configure', changes),
      handle: async (ctx) => {
        enforce(checkConfigureAttendance(ctx.meeting.status, ctx.actor));
        const settings: AttendanceSettings = {
          ...(await this.attendance.settings(meetingId, ctx.manager)),
          ...changes,
        };
        if (settings.quorumNumerator > settings.quorumDenominator) {
          throw new AppException('VALIDATION_FAILED', 'the quorum fraction must not exceed 1', [
            { path: 'quorumNumerator', message: 'must not exceed quorumDenominator' },
          ]);
        }
        // A proxy that may not be given cannot count.
        if (!settings.proxiesAllowed) settings.proxiesCount = false;
        await this.attendance.saveSettings(ctx.manager, meetingId, settings);
        return { type: 'attendance.configured', payload: { settings }, result: settings };
      },
    });
  }

  /** The quorum now, read inside a command's transaction (used when the meeting starts). */
  async quorum(manager: EntityManager, meetingId: string): Promise<Quorum> {
    const [members, state] = await Promise.all([
      this.attendance.members(meetingId, manager),
      this.attendance.state(meetingId, manager),
    ]);
    return computeQuorum(members, state.records, state.settings);
  }

  private async record(
    ctx: CommandContext,
    userId: string,
    fields: Pick<AttendanceRecord, 'status' | 'absenceReason' | 'note'>,
    method: AttendanceMethod,
  ) {
    const records = await this.attendance.records(ctx.meeting.id, ctx.manager);
    const previous = records.find((r) => r.userId === userId) ?? null;
    const record: AttendanceRecord = {
      userId,
      ...fields,
      // A proxy stays with a correction of the absence (e.g. its reason); anything else ends it.
      proxyHolderId: fields.status === 'absent' ? (previous?.proxyHolderId ?? null) : null,
      method,
      markedById: ctx.actor.userId,
      markedAt: ctx.at.toISOString(),
    };
    await this.attendance.saveRecord(ctx.manager, ctx.meeting.id, record, ctx.seq);
    return {
      type: 'attendance.marked' as const,
      payload: { record, previousStatus: previous?.status ?? null },
      result: record,
    };
  }

  private async member(ctx: CommandContext, userId: string) {
    const member = (await this.attendance.members(ctx.meeting.id, ctx.manager)).find(
      (m) => m.userId === userId,
    );
    if (!member) throw new AppException('PARTICIPANT_NOT_FOUND');
    return member;
  }
}

function spec(caller: Caller, meetingId: string, command: string, request: unknown) {
  return { meetingId, actor: caller.user, command, idempotencyKey: caller.idempotencyKey, request };
}
