import type { MeetingCommandResult, MeetingDetail } from '@phonghop/common';
import { startTestApp, TestApp } from '../test-app';
import {
  addParticipant,
  call,
  connect,
  createMeeting,
  emit,
  errorCode,
  expectStatus,
  key,
  ok,
  Person,
  person,
  TestSocket,
  transition,
} from '../meetings-kit';

/** A secretary cannot take the chair; the chair of a live meeting moves only by handover on the log. */
describe('meeting roles and the chair handover', () => {
  let t: TestApp;
  let secretary: Person;
  let chair: Person;
  let delegate: Person;
  let meetingId: string;
  let chairSocket: TestSocket;

  beforeAll(async () => {
    t = await startTestApp();
    [secretary, chair, delegate] = await Promise.all([
      person(t, 'thuky-roles'),
      person(t, 'chutri-roles'),
      person(t, 'daibieu-roles'),
    ]);
    const m = await createMeeting(t, secretary);
    meetingId = m.id;
    await addParticipant(t, secretary, m.id, chair, 'chair');
    await addParticipant(t, secretary, m.id, delegate, 'delegate');
    await transition(t, secretary, m.id, 'scheduled');
    await transition(t, chair, m.id, 'live');
    chairSocket = await connect(t.url, chair);
  }, 60_000);
  afterAll(async () => {
    chairSocket?.close();
    await t?.close();
  });

  const role = async (userId: string) =>
    expectStatus(await call<MeetingDetail>(t, chair, 'GET', `/meetings/${meetingId}`), 200).participants.find(
      (p) => p.userId === userId,
    )?.role;

  it('refuses a secretary making a delegate secretary, then themself chair, in a live meeting', async () => {
    const promote = await call(t, secretary, 'PATCH', `/meetings/${meetingId}/participants/${delegate.id}`, {
      role: 'secretary',
    });
    expect(promote.status).toBe(403);
    expect(errorCode(promote)).toBe('MEETING_ROLE_REQUIRED');
    const self = await call(t, secretary, 'PATCH', `/meetings/${meetingId}/participants/${secretary.id}`, {
      role: 'chair',
    });
    expect(errorCode(self)).toBe('MEETING_ROLE_REQUIRED');
    const removeChair = await call(t, secretary, 'DELETE', `/meetings/${meetingId}/participants/${chair.id}`);
    expect(errorCode(removeChair)).toBe('MEETING_ROLE_REQUIRED');
    expect(await role(chair.id)).toBe('chair');
    expect(await role(secretary.id)).toBe('secretary');
  });

  it('refuses even the chair moving the chair by a role change while live', async () => {
    const res = await call(t, chair, 'PATCH', `/meetings/${meetingId}/participants/${delegate.id}`, {
      role: 'chair',
    });
    expect(res.status).toBe(409);
    expect(errorCode(res)).toBe('CHAIR_HANDOVER_REQUIRED');
  });

  it('refuses a handover by anyone but the chair or an admin', async () => {
    const secretarySocket = await connect(t.url, secretary);
    try {
      const ack = await emit(secretarySocket, 'meeting.handOver', {
        meetingId,
        idempotencyKey: key(),
        toUserId: secretary.id,
      });
      expect(ack.ok).toBe(false);
      if (!ack.ok) expect(ack.error.code).toBe('MEETING_ROLE_REQUIRED');
    } finally {
      secretarySocket.close();
    }
  });

  it('hands the chair over on the log: the new chair runs the meeting, the former one no longer does', async () => {
    const ack = await emit(chairSocket, 'meeting.handOver', {
      meetingId,
      idempotencyKey: key(),
      toUserId: delegate.id,
    });
    const { event } = ok(ack as { ok: true; data: MeetingCommandResult });
    expect(event.type).toBe('participant.chairHandedOver');
    expect(event.payload).toEqual({
      fromUserIds: [chair.id],
      toUserId: delegate.id,
      toPreviousRole: 'delegate',
    });
    expect(await role(delegate.id)).toBe('chair');
    expect(await role(chair.id)).toBe('delegate');

    const item = expectStatus(
      await call<{ id: string }>(t, delegate, 'POST', `/meetings/${meetingId}/agenda`, {
        title: 'Mục sau bàn giao',
      }),
      201,
    );
    const formerChair = await call(t, chair, 'POST', `/meetings/${meetingId}/agenda`, {
      title: 'Không được',
    });
    expect(errorCode(formerChair)).toBe('MEETING_ROLE_REQUIRED');
    expect(item.id).toBeTruthy();

    // Over REST too, by the new chair, and the chair cannot be handed to itself.
    const back = await call(t, delegate, 'POST', `/meetings/${meetingId}/chair`, {
      toUserId: chair.id.toUpperCase(),
    });
    expect(expectStatus(back, 200)).toMatchObject({ userId: chair.id, role: 'chair' });
    expect(
      errorCode(await call(t, chair, 'POST', `/meetings/${meetingId}/chair`, { toUserId: chair.id })),
    ).toBe('ALREADY_CHAIR');
  });
});
