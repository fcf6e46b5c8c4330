import { Injectable } from '@nestjs/common';
import type {
  AddParticipantRequest,
  CreateMeetingRequest,
  Meeting,
  MeetingDetailsPatch,
  MeetingEventPayloads,
  MeetingRole,
  MeetingStatus,
  Participant,
  RespondInvitationRequest,
  UndiscussedItem,
  UpdateMeetingRequest,
} from '@phonghop/common';
import {
  checkChangeRole,
  checkEditDetails,
  checkHandOverChair,
  checkManageLeadingParticipant,
  checkManageParticipants,
  checkRespondInvitation,
  checkTransition,
  CreateMeetingRequestSchema,
  currentItemChange,
  ERROR_MESSAGES,
  undiscussedItems,
} from '@phonghop/common';
import { randomUUID } from 'node:crypto';
import { AppException } from '../../common/errors/app-exception';
import { AgendaRepository } from '../agenda/agenda.repository';
import { AttendanceService } from '../attendance/attendance.service';
import { Caller, enforce } from '../meeting-events/caller';
import type { CommandContext, CommandResponse } from '../meeting-events/meeting-command.service';
import { MeetingCommandService } from '../meeting-events/meeting-command.service';
import { NotificationsService } from '../notifications/notifications.service';
import { MeetingsRepository, MeetingPatch } from './meetings.repository';
import { MeetingPresenceService } from './meeting-presence.service';

const DETAIL_KEYS = [
  'title',
  'kind',
  'organizerUnit',
  'startsAt',
  'endsAt',
  'location',
  'online',
  'description',
] as const;
/** Changes participants must hear about when the meeting is already announced. */
const LOGISTIC_KEYS = new Set<string>(['startsAt', 'endsAt', 'location', 'online']);

/**
 * Meetings and their participants: creating, editing, the lifecycle, invitations. Every change is
 * one command on the meeting event log (MeetingCommandService).
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly commands: MeetingCommandService,
    private readonly meetings: MeetingsRepository,
    private readonly agenda: AgendaRepository,
    private readonly notifications: NotificationsService,
    private readonly presence: MeetingPresenceService,
    private readonly attendance: AttendanceService,
  ) {}

  /** Organisers (thư ký) and system admins create meetings; the creator becomes its secretary. */
  async create(caller: Caller, request: CreateMeetingRequest): Promise<CommandResponse<Meeting>> {
    const fields = CreateMeetingRequestSchema.parse(request);
    if (!(await this.meetings.mayOrganise(caller.user.id))) throw new AppException('ORGANISER_REQUIRED');
    const id = randomUUID();
    return this.commands.create({
      meetingId: id,
      actor: caller.user,
      command: 'meeting.create',
      idempotencyKey: caller.idempotencyKey,
      request: fields,
      handle: async (ctx) => {
        const inserted = await this.meetings.insert(ctx.manager, {
          id,
          title: fields.title,
          kind: fields.kind,
          organizerUnit: fields.organizerUnit,
          startsAt: new Date(fields.startsAt),
          endsAt: new Date(fields.endsAt),
          location: fields.location,
          online: fields.online,
          description: fields.description,
          createdById: caller.user.id,
          createdAt: ctx.at,
        });
        await this.meetings.insertParticipant(ctx.manager, {
          meetingId: id,
          userId: caller.user.id,
          role: 'secretary',
          addedAt: ctx.at,
          addedSeq: ctx.seq,
        });
        // The creator made the meeting: they need no invitation.
        await this.meetings.setInvitation(ctx.manager, id, caller.user.id, 'accepted', null, ctx.at);
        const meeting = { ...inserted, lastSeq: ctx.seq };
        const participants = await this.meetings.participants(id, ctx.manager);
        return { type: 'meeting.created', payload: { meeting, participants }, result: meeting };
      },
    });
  }

  update(
    caller: Caller,
    meetingId: string,
    request: UpdateMeetingRequest,
  ): Promise<CommandResponse<Meeting>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'meeting.update', request),
      handle: async (ctx) => {
        enforce(checkEditDetails(ctx.meeting.status, ctx.actor));
        const normalized: MeetingDetailsPatch = {
          ...request,
          ...(request.startsAt ? { startsAt: new Date(request.startsAt).toISOString() } : {}),
          ...(request.endsAt ? { endsAt: new Date(request.endsAt).toISOString() } : {}),
        };
        const changes: MeetingDetailsPatch = {};
        for (const key of DETAIL_KEYS) {
          if (normalized[key] !== undefined && normalized[key] !== ctx.meeting[key]) {
            Object.assign(changes, { [key]: normalized[key] });
          }
        }
        const next = { ...ctx.meeting, ...changes };
        if (Date.parse(next.endsAt) <= Date.parse(next.startsAt))
          throw invalid('endsAt', 'endsAt must be after startsAt');
        if (next.location === null && !next.online)
          throw invalid('location', 'a meeting needs a room or must be online');
        const { startsAt, endsAt, ...rest } = changes;
        const patch: MeetingPatch = {
          ...rest,
          ...(startsAt ? { startsAt: new Date(startsAt) } : {}),
          ...(endsAt ? { endsAt: new Date(endsAt) } : {}),
        };
        if (Object.keys(patch).length > 0) await this.meetings.update(ctx.manager, meetingId, patch);
        const meeting: Meeting = { ...next, lastSeq: ctx.seq };
        if (ctx.meeting.status === 'scheduled' && Object.keys(changes).some((k) => LOGISTIC_KEYS.has(k))) {
          await this.notify(ctx, 'meeting_rescheduled', meeting);
        }
        return { type: 'meeting.updated', payload: { changes }, result: meeting };
      },
    });
  }

  /** Moves the meeting along its lifecycle (rules: checkTransition). */
  transition(
    caller: Caller,
    meetingId: string,
    to: MeetingStatus,
    command = 'meeting.transition',
    options: { confirmNoQuorum?: boolean } = {},
  ): Promise<CommandResponse<Meeting>> {
    const confirmNoQuorum = options.confirmNoQuorum === true;
    return this.commands.execute({
      ...spec(caller, meetingId, command, confirmNoQuorum ? { to, confirmNoQuorum } : { to }),
      handle: async (ctx) => {
        const from = ctx.meeting.status;
        enforce(checkTransition(from, to, ctx.actor));
        // Opening the session without quorum needs the chair's confirmation, kept in the event.
        let quorum: MeetingEventPayloads['meeting.statusChanged']['quorum'];
        if (to === 'live') {
          const q = await this.attendance.quorum(ctx.manager, meetingId);
          if (!q.reached && !confirmNoQuorum) throw new AppException('QUORUM_NOT_REACHED');
          quorum = {
            counted: q.counted,
            required: q.required,
            expected: q.expected,
            reached: q.reached,
            confirmedWithoutQuorum: !q.reached,
          };
        }
        await this.meetings.setStatus(ctx.manager, meetingId, to);
        const meeting: Meeting = { ...ctx.meeting, status: to, lastSeq: ctx.seq };
        let agenda: ReturnType<typeof currentItemChange> = [];
        let undiscussed: UndiscussedItem[] | undefined;
        if (to === 'ended') {
          // The item being discussed when the chair closes the session is done at that moment; the
          // items never finished are recorded with the end, so the minutes can say so.
          const items = await this.agenda.list(meetingId, ctx.manager);
          agenda = currentItemChange(items, null, ctx.at.toISOString());
          await this.agenda.setProgress(ctx.manager, agenda);
          undiscussed = undiscussedItems(items);
        }
        if (from === 'draft' && to === 'scheduled') await this.notify(ctx, 'meeting_invitation', meeting);
        if (from === 'scheduled' && to === 'draft') await this.notify(ctx, 'meeting_unscheduled', meeting);
        if (to === 'live') await this.notify(ctx, 'meeting_started', meeting);
        return {
          type: 'meeting.statusChanged',
          payload: {
            from,
            to,
            agenda,
            ...(undiscussed ? { undiscussed } : {}),
            ...(quorum ? { quorum } : {}),
          },
          result: meeting,
        };
      },
    });
  }

  addParticipant(
    caller: Caller,
    meetingId: string,
    request: AddParticipantRequest,
  ): Promise<CommandResponse<Participant>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'participant.add', request),
      handle: async (ctx) => {
        enforce(checkManageLeadingParticipant(ctx.meeting.status, ctx.actor, request.role));
        if (!(await this.meetings.activeUser(request.userId, ctx.manager)))
          throw new AppException('USER_NOT_FOUND');
        if (await this.meetings.participant(meetingId, request.userId, ctx.manager)) {
          throw new AppException('PARTICIPANT_EXISTS');
        }
        await this.meetings.insertParticipant(ctx.manager, {
          meetingId,
          userId: request.userId,
          role: request.role,
          addedAt: ctx.at,
          addedSeq: ctx.seq,
        });
        const participant = (await this.meetings.participant(meetingId, request.userId, ctx.manager))!;
        if (ctx.meeting.status === 'scheduled' || ctx.meeting.status === 'live') {
          const r = await this.meetings.recipient(ctx.manager, request.userId);
          if (r) await this.notifications.notifyMeeting(ctx, 'meeting_invitation', ctx.meeting, [r]);
        }
        return { type: 'participant.added', payload: { participant }, result: participant };
      },
    });
  }

  changeRole(
    caller: Caller,
    meetingId: string,
    userId: string,
    role: MeetingRole,
  ): Promise<CommandResponse<Participant>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'participant.changeRole', { userId, role }),
      handle: async (ctx) => {
        // Permission first (the same answer whether or not the person takes part), then the rule
        // that depends on the person's current role.
        enforce(checkChangeRole(ctx.meeting.status, ctx.actor, { from: role, to: role }));
        const current = await this.existing(ctx, userId);
        enforce(checkChangeRole(ctx.meeting.status, ctx.actor, { from: current.role, to: role }));
        if (current.role === 'secretary' && role !== 'secretary') await this.keepASecretary(ctx);
        await this.meetings.setParticipantRole(ctx.manager, meetingId, userId, role);
        return {
          type: 'participant.roleChanged',
          payload: { userId, from: current.role, role },
          result: { ...current, role },
        };
      },
    });
  }

  removeParticipant(caller: Caller, meetingId: string, userId: string): Promise<CommandResponse<null>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'participant.remove', { userId }),
      handle: async (ctx) => {
        enforce(checkManageParticipants(ctx.meeting.status, ctx.actor));
        const current = await this.existing(ctx, userId);
        enforce(checkManageLeadingParticipant(ctx.meeting.status, ctx.actor, current.role));
        if (current.role === 'secretary') await this.keepASecretary(ctx);
        await this.meetings.deleteParticipant(ctx.manager, meetingId, userId);
        // After the event went out (the removed person sees it), their sockets leave the room.
        ctx.afterCommit(() => this.presence.evict(meetingId, userId));
        return { type: 'participant.removed', payload: { userId }, result: null };
      },
    });
  }

  /**
   * Hands the chair to another participant: the chairs until now become delegates, the new chair
   * takes over, as one event on the log. The only way the chair changes while a meeting is live.
   */
  handOverChair(caller: Caller, meetingId: string, toUserId: string): Promise<CommandResponse<Participant>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'meeting.handOver', { toUserId }),
      handle: async (ctx) => {
        enforce(checkHandOverChair(ctx.meeting.status, ctx.actor));
        const target = await this.existing(ctx, toUserId);
        if (target.role === 'chair') throw new AppException('ALREADY_CHAIR');
        if (target.role === 'secretary') await this.keepASecretary(ctx);
        const fromUserIds = await this.meetings.usersWithRole(ctx.manager, meetingId, 'chair');
        for (const id of fromUserIds)
          await this.meetings.setParticipantRole(ctx.manager, meetingId, id, 'delegate');
        await this.meetings.setParticipantRole(ctx.manager, meetingId, toUserId, 'chair');
        return {
          type: 'participant.chairHandedOver',
          payload: { fromUserIds, toUserId, toPreviousRole: target.role },
          result: { ...target, role: 'chair' },
        };
      },
    });
  }

  respond(
    caller: Caller,
    meetingId: string,
    request: RespondInvitationRequest,
  ): Promise<CommandResponse<Participant>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'participant.respond', request),
      handle: async (ctx) => {
        enforce(checkRespondInvitation(ctx.meeting.status, ctx.actor));
        const current = await this.existing(ctx, caller.user.id);
        const reason = request.response === 'declined' ? (request.reason ?? null) : null;
        await this.meetings.setInvitation(
          ctx.manager,
          meetingId,
          caller.user.id,
          request.response,
          reason,
          ctx.at,
        );
        const respondedAt = ctx.at.toISOString();
        return {
          type: 'participant.responded',
          payload: {
            userId: caller.user.id,
            invitation: request.response,
            declineReason: reason,
            respondedAt,
          },
          result: { ...current, invitation: request.response, declineReason: reason, respondedAt },
        };
      },
    });
  }

  private async existing(ctx: CommandContext, userId: string): Promise<Participant> {
    const p = await this.meetings.participant(ctx.meeting.id, userId, ctx.manager);
    if (!p) throw new AppException('PARTICIPANT_NOT_FOUND');
    return p;
  }

  /** A meeting without a secretary could only be fixed by an admin: refuse to lose the last one. */
  private async keepASecretary(ctx: CommandContext): Promise<void> {
    if ((await this.meetings.countRole(ctx.manager, ctx.meeting.id, 'secretary')) <= 1) {
      throw new AppException('LAST_SECRETARY');
    }
  }

  private async notify(
    ctx: CommandContext,
    kind: 'meeting_invitation' | 'meeting_unscheduled' | 'meeting_rescheduled' | 'meeting_started',
    meeting: Meeting,
  ): Promise<void> {
    const recipients = await this.meetings.recipients(ctx.manager, meeting.id, ctx.actor.userId);
    await this.notifications.notifyMeeting(ctx, kind, meeting, recipients);
  }
}

function spec(caller: Caller, meetingId: string, command: string, request: unknown) {
  return { meetingId, actor: caller.user, command, idempotencyKey: caller.idempotencyKey, request };
}

function invalid(path: string, message: string): AppException {
  return new AppException('VALIDATION_FAILED', ERROR_MESSAGES.VALIDATION_FAILED.en, [{ path, message }]);
}
