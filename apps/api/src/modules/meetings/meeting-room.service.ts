import { Injectable } from '@nestjs/common';
import type { MeetingJoinCommand, MeetingJoinResult, PresenceWatchResult } from '@phonghop/common';
import { AppException } from '../../common/errors/app-exception';
import { DisplaysService } from '../displays/displays.service';
import { MeetingAccessService } from '../meeting-events/meeting-access.service';
import { AppSocket, rooms } from '../realtime/realtime.types';
import { MeetingPresenceService } from './meeting-presence.service';
import { MeetingReadService } from './meeting-read.service';
import { ParticipantIdsCache } from './participant-ids-cache';

/** Beyond this many missed events a snapshot is cheaper than the replay. */
export const MAX_CATCH_UP_EVENTS = 500;

/**
 * The live room: joining (after the participation check — clients never name rooms), catching up
 * after a drop, leaving, presence.
 */
@Injectable()
export class MeetingRoomService {
  constructor(
    private readonly access: MeetingAccessService,
    private readonly read: MeetingReadService,
    private readonly presence: MeetingPresenceService,
    private readonly displays: DisplaysService,
    private readonly participantIds: ParticipantIdsCache,
  ) {}

  /**
   * Joins the socket to `meeting:<id>` and answers with what the client is missing. The socket joins
   * the room before the state is read: an event committed meanwhile arrives both in the answer and
   * on the channel, and the client's buffer drops the second copy — none falls in between.
   *
   * Joining is ordered with eviction (a participant removed, an admin demoted): the access check is
   * made again AFTER the socket is in the room. A removal committed before that check is seen by it
   * (the socket leaves again and the join is refused); one committed after it evicts the socket,
   * which is in the room by then, through the adapter on every node. No interleaving leaves a
   * removed person in the room.
   */
  async join(socket: AppSocket, cmd: MeetingJoinCommand): Promise<MeetingJoinResult> {
    if (socket.data.display) return this.joinDisplay(socket, cmd);
    const user = socket.data.user;
    const room = rooms.meeting(cmd.meetingId);
    // Outsiders are refused before they touch the room (and never show in its presence). A known
    // participant skips this first read (a storm of 1,000 shares one read of the ids); the check
    // after entering the room is the one that decides, for everyone.
    if (!(await this.participantIds.has(cmd.meetingId, user.id))) {
      await this.access.open(cmd.meetingId, user, 'meeting.join');
    }
    const wasIn = socket.rooms.has(room);
    await socket.join(room);
    try {
      const { meeting } = await this.access.open(cmd.meetingId, user, 'meeting.join');
      if (!wasIn) this.presence.changed(cmd.meetingId, user.id);
      return await this.answer(user, cmd, meeting.lastSeq);
    } catch (err) {
      await socket.leave(room);
      this.presence.changed(cmd.meetingId, user.id);
      throw err;
    }
  }

  /**
   * A room display joins its own meeting only, and only while its token is valid (read from the
   * database now, like a person's roles). It is not a participant and is not shown in presence.
   */
  private async joinDisplay(socket: AppSocket, cmd: MeetingJoinCommand): Promise<MeetingJoinResult> {
    const display = socket.data.display!;
    const valid =
      display.meetingId === cmd.meetingId && (await this.displays.stillValid(display.id, cmd.meetingId));
    if (!valid) throw new AppException('MEETING_NOT_FOUND');
    await socket.join(rooms.meeting(cmd.meetingId));
    const since = cmd.sinceSeq;
    const lastSeq = await this.read.lastSeq(cmd.meetingId);
    if (since !== undefined && since >= 1 && since <= lastSeq && lastSeq - since <= MAX_CATCH_UP_EVENTS) {
      const { events, seq } = await this.read.eventsUnchecked(cmd.meetingId, since, MAX_CATCH_UP_EVENTS * 2);
      const onlineCount = await this.presence.count(cmd.meetingId);
      if (events.length === seq - since) return { kind: 'events', events, seq, onlineCount };
    }
    const onlineCount = await this.presence.count(cmd.meetingId);
    return { kind: 'snapshot', snapshot: await this.read.stateOf(cmd.meetingId, lastSeq, onlineCount) };
  }

  private async answer(
    user: AppSocket['data']['user'],
    cmd: MeetingJoinCommand,
    lastSeq: number,
  ): Promise<MeetingJoinResult> {
    const since = cmd.sinceSeq;
    if (since !== undefined && since >= 1 && since <= lastSeq && lastSeq - since <= MAX_CATCH_UP_EVENTS) {
      const { events, seq } = await this.read.events(user, cmd.meetingId, since, MAX_CATCH_UP_EVENTS * 2);
      // The count again: the updates sent while this client was away are not replayed.
      const onlineCount = await this.presence.count(cmd.meetingId);
      if (events.length === seq - since) return { kind: 'events', events, seq, onlineCount };
    }
    const onlineCount = await this.presence.count(cmd.meetingId);
    // The access check was made after the socket entered the room (join); lastSeq is from it.
    return { kind: 'snapshot', snapshot: await this.read.stateOf(cmd.meetingId, lastSeq, onlineCount) };
  }

  async leave(socket: AppSocket, meetingId: string): Promise<{ left: true }> {
    await socket.leave(rooms.presence(meetingId));
    if (socket.rooms.has(rooms.meeting(meetingId))) {
      await socket.leave(rooms.meeting(meetingId));
      if (!socket.data.display) this.presence.changed(meetingId, socket.data.user.id);
    }
    return { left: true };
  }

  /**
   * Starts telling this socket who is in a room it has joined (`presence.changed` deltas), with the
   * whole list now. Only screens that show the people ask (the attendance panel, a small meeting's
   * presence list); the rest of a hall gets the count. The socket enters the watchers' room before
   * the list is read, so no change falls between the two (docs/events/presence.watch.md). No new
   * access check: it is a view of the room the socket is in, and leaving or being evicted from the
   * room ends the watch too. A rejoin after a reconnect must watch again (a new socket).
   */
  async watch(socket: AppSocket, meetingId: string): Promise<PresenceWatchResult> {
    if (!socket.rooms.has(rooms.meeting(meetingId))) throw new AppException('NOT_JOINED');
    await socket.join(rooms.presence(meetingId));
    const online = await this.presence.online(meetingId);
    return { online, count: online.length };
  }

  async unwatch(socket: AppSocket, meetingId: string): Promise<{ watching: false }> {
    await socket.leave(rooms.presence(meetingId));
    return { watching: false };
  }

  /** Called as the socket disconnects: the meetings it was in get a presence update once it is gone. */
  watchDisconnect(socket: AppSocket): void {
    socket.on('disconnecting', () => {
      const meetingIds = [...socket.rooms].filter((r) => r.startsWith('meeting:')).map((r) => r.slice(8));
      if (meetingIds.length === 0) return;
      const userId = socket.data.display ? undefined : socket.data.user.id;
      socket.once('disconnect', () => meetingIds.forEach((id) => this.presence.changed(id, userId)));
    });
  }
}
