import { Injectable } from '@nestjs/common';
import type { Speaker, SpeakerConfigureCommand, SpeakerItemSettings, SpeechKind } from '@phonghop/common';
import {
  checkChairSpeakers,
  checkRequestFloor,
  currentSpeaker,
  nextSpeakerPosition,
  speakerQueue,
  speakingLimitSeconds,
} from '@phonghop/common';
import { randomUUID } from 'node:crypto';
import { AppException } from '../../common/errors/app-exception';
import { Caller, enforce } from '../meeting-events/caller';
import {
  CommandContext,
  CommandResponse,
  MeetingCommandService,
} from '../meeting-events/meeting-command.service';
import { SpeakersRepository } from './speakers.repository';

type Configure = Omit<SpeakerConfigureCommand, 'meetingId' | 'idempotencyKey'>;

/**
 * The list of speakers of the current agenda item: participants (guests too) ask for the floor and
 * withdraw; the chair adds, removes, orders, gives and ends the floor — one speaker at a time — and
 * sets the speaking time and closes the list. Every change is one command on the meeting log.
 */
@Injectable()
export class SpeakersService {
  constructor(
    private readonly commands: MeetingCommandService,
    private readonly speakers: SpeakersRepository,
  ) {}

  request(caller: Caller, meetingId: string, kind: SpeechKind): Promise<CommandResponse<Speaker>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'speaker.request', { kind }),
      handle: async (ctx) => {
        enforce(checkRequestFloor(ctx.meeting.status, ctx.actor));
        return this.enlist(ctx, caller.user.id, kind, null);
      },
    });
  }

  add(
    caller: Caller,
    meetingId: string,
    userId: string,
    kind: SpeechKind,
  ): Promise<CommandResponse<Speaker>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'speaker.add', { userId, kind }),
      handle: async (ctx) => {
        enforce(checkChairSpeakers(ctx.meeting.status, ctx.actor));
        if (!(await this.speakers.isParticipant(ctx.manager, meetingId, userId))) {
          throw new AppException('PARTICIPANT_NOT_FOUND');
        }
        return this.enlist(ctx, userId, kind, ctx.actor.userId);
      },
    });
  }

  withdraw(caller: Caller, meetingId: string, speakerId: string): Promise<CommandResponse<null>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'speaker.withdraw', { speakerId }),
      handle: async (ctx) => {
        enforce(checkRequestFloor(ctx.meeting.status, ctx.actor));
        const speaker = await this.find(ctx, speakerId);
        // Only one's own request; someone else's is the chair's to remove.
        if (speaker.userId !== ctx.actor.userId) throw new AppException('SPEAKER_NOT_FOUND');
        if (speaker.status !== 'waiting') throw new AppException('SPEAKER_NOT_WAITING');
        const at = ctx.at.toISOString();
        await this.speakers.update(ctx.manager, speakerId, { status: 'withdrawn', endedAt: at });
        return { type: 'speaker.withdrawn', payload: { speakerId, at }, result: null };
      },
    });
  }

  remove(caller: Caller, meetingId: string, speakerId: string): Promise<CommandResponse<null>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'speaker.remove', { speakerId }),
      handle: async (ctx) => {
        enforce(checkChairSpeakers(ctx.meeting.status, ctx.actor));
        const speaker = await this.find(ctx, speakerId);
        if (speaker.status !== 'waiting') throw new AppException('SPEAKER_NOT_WAITING');
        const at = ctx.at.toISOString();
        await this.speakers.update(ctx.manager, speakerId, { status: 'removed', endedAt: at });
        return { type: 'speaker.removed', payload: { speakerId, at }, result: null };
      },
    });
  }

  reorder(
    caller: Caller,
    meetingId: string,
    agendaItemId: string,
    speakerIds: string[],
  ): Promise<CommandResponse<null>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'speaker.reorder', { agendaItemId, speakerIds }),
      handle: async (ctx) => {
        enforce(checkChairSpeakers(ctx.meeting.status, ctx.actor));
        const { list } = await this.speakers.state(meetingId, ctx.manager);
        const waiting = speakerQueue(list, agendaItemId).map((s) => s.id);
        // The chair's view must be the whole, current queue; otherwise it orders something stale.
        if (
          waiting.length !== speakerIds.length ||
          new Set(speakerIds).size !== speakerIds.length ||
          !speakerIds.every((id) => waiting.includes(id))
        ) {
          throw new AppException('SPEAKER_ORDER_MISMATCH');
        }
        for (const [i, id] of speakerIds.entries()) {
          await this.speakers.update(ctx.manager, id, { position: i + 1 });
        }
        return { type: 'speaker.reordered', payload: { agendaItemId, order: speakerIds }, result: null };
      },
    });
  }

  grant(
    caller: Caller,
    meetingId: string,
    speakerId: string,
    limitSeconds?: number,
  ): Promise<CommandResponse<Speaker>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'speaker.grant', { speakerId, limitSeconds }),
      handle: async (ctx) => {
        enforce(checkChairSpeakers(ctx.meeting.status, ctx.actor));
        const state = await this.speakers.state(meetingId, ctx.manager);
        const speaker = state.list.find((s) => s.id === speakerId);
        if (!speaker) throw new AppException('SPEAKER_NOT_FOUND');
        if (speaker.status !== 'waiting') throw new AppException('SPEAKER_NOT_WAITING');
        if (currentSpeaker(state.list)) throw new AppException('SPEAKER_FLOOR_TAKEN');
        // The limit is fixed when the floor is given; it travels once with the start instant.
        const limit = limitSeconds ?? speakingLimitSeconds(state, speaker);
        const startedAt = ctx.at.toISOString();
        await this.speakers.update(ctx.manager, speakerId, {
          status: 'speaking',
          startedAt,
          limitSeconds: limit,
        });
        return {
          type: 'speaker.granted',
          payload: { speakerId, startedAt, limitSeconds: limit },
          result: { ...speaker, status: 'speaking', startedAt, limitSeconds: limit },
        };
      },
    });
  }

  end(caller: Caller, meetingId: string, speakerId: string): Promise<CommandResponse<null>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'speaker.end', { speakerId }),
      handle: async (ctx) => {
        enforce(checkChairSpeakers(ctx.meeting.status, ctx.actor));
        const speaker = await this.find(ctx, speakerId);
        if (speaker.status !== 'speaking') throw new AppException('SPEAKER_NOT_WAITING');
        const endedAt = ctx.at.toISOString();
        await this.speakers.update(ctx.manager, speakerId, { status: 'done', endedAt });
        return { type: 'speaker.ended', payload: { speakerId, endedAt }, result: null };
      },
    });
  }

  configure(caller: Caller, meetingId: string, changes: Configure): Promise<CommandResponse<null>> {
    return this.commands.execute({
      ...spec(caller, meetingId, 'speaker.configure', changes),
      handle: async (ctx) => {
        enforce(checkChairSpeakers(ctx.meeting.status, ctx.actor));
        const state = await this.speakers.state(meetingId, ctx.manager);
        const defaultLimitSeconds = changes.defaultLimitSeconds ?? state.defaultLimitSeconds;
        if (changes.defaultLimitSeconds !== undefined) {
          await this.speakers.saveDefaultLimit(ctx.manager, meetingId, defaultLimitSeconds);
        }
        let item: SpeakerItemSettings | null = null;
        if (changes.agendaItemId) {
          if (!(await this.speakers.itemExists(ctx.manager, meetingId, changes.agendaItemId))) {
            throw new AppException('AGENDA_ITEM_NOT_FOUND');
          }
          const current = state.items.find((i) => i.agendaItemId === changes.agendaItemId);
          item = {
            agendaItemId: changes.agendaItemId,
            limitSeconds:
              changes.itemLimitSeconds !== undefined
                ? changes.itemLimitSeconds
                : (current?.limitSeconds ?? null),
            closed: changes.closed ?? current?.closed ?? false,
          };
          await this.speakers.saveItem(ctx.manager, meetingId, item, ctx.seq);
        }
        return { type: 'speaker.configured', payload: { defaultLimitSeconds, item }, result: null };
      },
    });
  }

  private async enlist(ctx: CommandContext, userId: string, kind: SpeechKind, addedById: string | null) {
    const meetingId = ctx.meeting.id;
    const agendaItemId = await this.speakers.currentItemId(ctx.manager, meetingId);
    if (!agendaItemId) throw new AppException('NO_CURRENT_ITEM');
    const state = await this.speakers.state(meetingId, ctx.manager);
    // A closed list still takes what the chair adds (e.g. a point of order).
    if (!addedById && state.items.find((i) => i.agendaItemId === agendaItemId)?.closed) {
      throw new AppException('SPEAKER_LIST_CLOSED');
    }
    if (
      state.list.some(
        (s) =>
          s.agendaItemId === agendaItemId &&
          s.userId === userId &&
          (s.status === 'waiting' || s.status === 'speaking'),
      )
    ) {
      throw new AppException('SPEAKER_ALREADY_LISTED');
    }
    const speaker: Speaker = {
      id: randomUUID(),
      agendaItemId,
      userId,
      kind,
      status: 'waiting',
      position: nextSpeakerPosition(state.list, agendaItemId),
      limitSeconds: null,
      requestedAt: ctx.at.toISOString(),
      addedById,
      startedAt: null,
      endedAt: null,
    };
    await this.speakers.insert(ctx.manager, meetingId, speaker, ctx.seq);
    return { type: 'speaker.requested' as const, payload: { speaker }, result: speaker };
  }

  private async find(ctx: CommandContext, speakerId: string): Promise<Speaker> {
    const { list } = await this.speakers.state(ctx.meeting.id, ctx.manager);
    const speaker = list.find((s) => s.id === speakerId);
    if (!speaker) throw new AppException('SPEAKER_NOT_FOUND');
    return speaker;
  }
}

function spec(caller: Caller, meetingId: string, command: string, request: unknown) {
  return { meetingId, actor: caller.user, command, idempotencyKey: caller.idempotencyKey, request };
}
