import type { MeetingListResponse, User, UserDirectoryResponse, UserListResponse } from '@phonghop/common';
import { startTestApp, TestApp } from '../../../test/test-app';
import { call, createMeeting, errorCode, expectStatus, Person, person } from '../../../test/meetings-kit';

/** Issue 6: who may create meetings, and search without diacritics in any Unicode form. */
describe('organisers and accent-insensitive search', () => {
  let t: TestApp;
  let admin: Person;
  let organiser: Person;
  let delegate: Person;

  const body = {
    title: 'Họp giao ban',
    kind: 'people_committee',
    startsAt: '2026-12-15T08:00:00+07:00',
    endsAt: '2026-12-15T09:00:00+07:00',
    location: 'Phòng họp số 1',
  };

  beforeAll(async () => {
    t = await startTestApp();
    [admin, organiser, delegate] = await Promise.all([
      person(t, 'quantri', 'admin', { canOrganise: false }),
      person(t, 'thuky1', 'member', { canOrganise: true }),
      person(t, 'daibieu1', 'member', { canOrganise: false }),
    ]);
  });
  afterAll(() => t.close());

  it('lets organisers and admins create meetings and refuses others with ORGANISER_REQUIRED', async () => {
    expectStatus(await call(t, organiser, 'POST', '/meetings', body), 201);
    expectStatus(await call(t, admin, 'POST', '/meetings', body), 201);
    const refused = await call<{ error: { message: string } }>(t, delegate, 'POST', '/meetings', body);
    expect(refused.status).toBe(403);
    expect(errorCode(refused)).toBe('ORGANISER_REQUIRED');
    const mine = expectStatus(await call<MeetingListResponse>(t, delegate, 'GET', '/meetings'), 200);
    expect(mine.items).toEqual([]);
  });

  it('is managed by admins and read from the database, not the token', async () => {
    const me = expectStatus(await call<User>(t, delegate, 'GET', '/me'), 200);
    expect(me.canOrganise).toBe(false);

    const granted = await call<User>(t, admin, 'PATCH', `/users/${delegate.id}`, { canOrganise: true });
    expect(expectStatus(granted, 200).canOrganise).toBe(true);
    // The same access token: the permission applies at once.
    expectStatus(await call(t, delegate, 'POST', '/meetings', body), 201);

    expectStatus(await call(t, admin, 'PATCH', `/users/${delegate.id}`, { canOrganise: false }), 200);
    expect(errorCode(await call(t, delegate, 'POST', '/meetings', body))).toBe('ORGANISER_REQUIRED');

    // Only admins manage it.
    expect(errorCode(await call(t, organiser, 'PATCH', `/users/${delegate.id}`, { canOrganise: true }))).toBe(
      'ADMIN_REQUIRED',
    );
    const created = await call<User>(t, admin, 'POST', '/users', {
      username: 'thuky2',
      fullName: 'Thư ký Hai',
      password: 'mat khau dai',
      canOrganise: true,
    });
    expect(expectStatus(created, 201).canOrganise).toBe(true);
  });

  it('finds meetings by title, unit or room without diacritics, in upper case or NFD', async () => {
    await createMeeting(t, organiser, {
      title: 'Hội nghị Ban Chấp hành Đảng bộ phường Vĩnh Phúc',
      organizerUnit: 'Đảng ủy phường',
      location: 'Hội trường Khai Quang',
    });
    await createMeeting(t, organiser, { title: 'Giao ban UBND', organizerUnit: 'Ủy ban nhân dân' });
    const titles = async (q: string) =>
      expectStatus(
        await call<MeetingListResponse>(t, organiser, 'GET', `/meetings?q=${encodeURIComponent(q)}`),
        200,
      ).items.map((m) => m.title);
    const hoiNghi = ['Hội nghị Ban Chấp hành Đảng bộ phường Vĩnh Phúc'];

    expect(await titles('Vinh Phuc')).toEqual(hoiNghi);
    expect(await titles('vĩnh phúc')).toEqual(hoiNghi);
    expect(await titles('VĨNH PHÚC')).toEqual(hoiNghi);
    expect(await titles('Vĩnh Phúc'.normalize('NFD'))).toEqual(hoiNghi);
    expect(await titles('dang bo')).toEqual(hoiNghi); // đ → d
    expect(await titles('khai quang')).toEqual(hoiNghi); // the room
    expect(await titles('uy ban')).toEqual(['Giao ban UBND']); // the unit
    expect(await titles('100%')).toEqual([]); // LIKE wildcards are literal
    expect(errorCode(await call(t, organiser, 'GET', `/meetings?q=${'a'.repeat(101)}`))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('finds people by name with or without diacritics, also when the stored name is NFD', async () => {
    // One name stored decomposed (as some keyboards send it), straight into the table.
    await t.dataSource.query(
      `INSERT INTO users (username, password_hash, full_name, title, unit) VALUES ($1, 'x', $2, '', $3)`,
      ['lvthang', 'Lê Văn Thắng'.normalize('NFD'), 'Phường Vĩnh Phúc'],
    );
    await t.dataSource.query(
      `INSERT INTO users (username, password_hash, full_name, title, unit) VALUES ($1, 'x', $2, '', '')`,
      ['ndduc', 'Nguyễn Đức Đạt'],
    );
    const usernames = (items: { username: string }[]) => items.map((u) => u.username).sort();
    for (const q of ['thang', 'Thắng', 'THẮNG', 'Thắng'.normalize('NFD'), 'le van thang']) {
      const list = await call<UserListResponse>(t, admin, 'GET', `/users?q=${encodeURIComponent(q)}`);
      expect(usernames(expectStatus(list, 200).items)).toEqual(['lvthang']);
      const directory = await call<UserDirectoryResponse>(
        t,
        delegate,
        'GET',
        `/users/directory?q=${encodeURIComponent(q)}`,
      );
      expect(usernames(expectStatus(directory, 200).items)).toEqual(['lvthang']);
      const candidates = await call<UserDirectoryResponse>(
        t,
        organiser,
        'GET',
        `/meetings/participant-candidates?q=${encodeURIComponent(q)}`,
      );
      expect(usernames(expectStatus(candidates, 200).items)).toEqual(['lvthang']);
    }
    const byUnit = await call<UserDirectoryResponse>(t, delegate, 'GET', '/users/directory?q=vinh%20phuc');
    expect(usernames(expectStatus(byUnit, 200).items)).toEqual(['lvthang']);
    const dd = await call<UserDirectoryResponse>(
      t,
      organiser,
      'GET',
      '/meetings/participant-candidates?q=duc%20dat',
    );
    expect(usernames(expectStatus(dd, 200).items)).toEqual(['ndduc']);
  });
});
