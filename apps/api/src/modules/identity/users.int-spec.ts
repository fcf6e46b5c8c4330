import type { User, UserDirectoryResponse, UserListResponse } from '@phonghop/common';
import { UserSchema, UserSummarySchema } from '@phonghop/common';
import { startTestApp, TestApp } from '../../../test/test-app';
import {
  api,
  connectEnded,
  connectSocket,
  ErrorBody,
  insertUser,
  nextEvent,
  signIn,
} from '../../../test/identity-helpers';
import { AuthSessionEntity } from './auth-session.entity';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('users: administration and directory', () => {
  let t: TestApp;
  let admin: User & { password: string };
  let adminToken: string;
  let memberToken: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'error' } });
    admin = await insertUser(t.dataSource, { username: 'quantri', systemRole: 'admin' });
    const member = await insertUser(t.dataSource, {
      username: 'thanhvien',
      fullName: 'Nguyễn Văn Thành Viên',
    });
    adminToken = (await signIn(t.url, 'quantri', admin.password)).accessToken;
    memberToken = (await signIn(t.url, 'thanhvien', member.password)).accessToken;
  });
  afterAll(() => t.close());

  const newUser = (username: string, extra: Record<string, unknown> = {}) => ({
    username,
    fullName: 'Trần Thị Hoa',
    title: 'Chuyên viên',
    unit: 'Phòng Văn hóa – Xã hội',
    password: 'mat-khau-tam-thoi',
    ...extra,
  });

  async function createUser(username: string, extra: Record<string, unknown> = {}): Promise<User> {
    const res = await api<User>(t.url, '/users', {
      method: 'POST',
      token: adminToken,
      body: newUser(username, extra),
    });
    if (res.status !== 201) throw new Error(`create ${username}: ${res.status} ${res.text}`);
    return res.body;
  }

  describe('create, get, list, edit', () => {
    it('creates a user who can then sign in', async () => {
      const res = await api<User>(t.url, '/users', {
        method: 'POST',
        token: adminToken,
        body: newUser('hoa.tran', { email: 'hoa@vinhphuc.gov.vn', phone: '0211 3 861 234' }),
      });
      expect(res.status).toBe(201);
      expect(UserSchema.strict().parse(res.body)).toMatchObject({
        username: 'hoa.tran',
        fullName: 'Trần Thị Hoa',
        title: 'Chuyên viên',
        unit: 'Phòng Văn hóa – Xã hội',
        email: 'hoa@vinhphuc.gov.vn',
        phone: '0211 3 861 234',
        active: true,
        systemRole: 'member',
      });
      expect(res.text).not.toContain('password');

      const s = await signIn(t.url, 'hoa.tran', 'mat-khau-tam-thoi');
      expect(s.user.id).toBe(res.body.id);

      const got = await api<User>(t.url, `/users/${res.body.id}`, { token: adminToken });
      expect(got.status).toBe(200);
      expect(got.body).toEqual(res.body);
    });

    it('applies the defaults of the schema (title, unit, role)', async () => {
      const res = await api<User>(t.url, '/users', {
        method: 'POST',
        token: adminToken,
        body: { username: 'toi.gian', fullName: 'Tối Giản', password: 'mat-khau-tam-thoi' },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ title: '', unit: '', email: null, phone: null, systemRole: 'member' });
    });

    it('answers 409 USERNAME_TAKEN for a duplicate, also when two creates race', async () => {
      await createUser('trung.lap');
      const dup = await api<ErrorBody>(t.url, '/users', {
        method: 'POST',
        token: adminToken,
        body: newUser('trung.lap'),
      });
      expect(dup.status).toBe(409);
      expect(dup.body.error.code).toBe('USERNAME_TAKEN');

      const race = await Promise.all(
        [1, 2, 3].map(() =>
          api(t.url, '/users', { method: 'POST', token: adminToken, body: newUser('dua.nhau') }),
        ),
      );
      expect(race.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    });

    it('lists users, searching without diacritics, with or without disabled ones', async () => {
      const lan = await createUser('lan.pham', { fullName: 'Phạm Thị Lan', unit: 'Chi bộ khu vực Đống Đa' });
      await createUser('lan.an', { fullName: 'Lê Ngọc Lan An' });
      const all = await api<UserListResponse>(t.url, '/users', { token: adminToken });
      expect(all.status).toBe(200);
      expect(all.body.items.map((u) => u.username)).toEqual(
        expect.arrayContaining(['quantri', 'lan.pham', 'lan.an']),
      );

      const byName = await api<UserListResponse>(t.url, '/users?q=pham%20thi', { token: adminToken });
      expect(byName.body.items.map((u) => u.username)).toEqual(['lan.pham']);
      const byUnit = await api<UserListResponse>(t.url, `/users?q=${encodeURIComponent('DONG DA')}`, {
        token: adminToken,
      });
      expect(byUnit.body.items.map((u) => u.username)).toEqual(['lan.pham']);
      const withAccents = await api<UserListResponse>(t.url, `/users?q=${encodeURIComponent('Phạm')}`, {
        token: adminToken,
      });
      expect(withAccents.body.items.map((u) => u.username)).toEqual(['lan.pham']);
      const wildcard = await api<UserListResponse>(t.url, '/users?q=%25', { token: adminToken });
      expect(wildcard.body.items).toEqual([]);

      await api(t.url, `/users/${lan.id}/disable`, { method: 'POST', token: adminToken });
      const active = await api<UserListResponse>(t.url, '/users?q=lan', { token: adminToken });
      expect(active.body.items.map((u) => u.username)).toEqual(['lan.an']);
      const inactiveToo = await api<UserListResponse>(t.url, '/users?q=lan&includeInactive=true', {
        token: adminToken,
      });
      expect(inactiveToo.body.items.map((u) => u.username)).toEqual(['lan.an', 'lan.pham']);
    });

    it('edits fields and the role; a promoted member becomes admin at once', async () => {
      const u = await createUser('sua.doi');
      const userToken = (await signIn(t.url, 'sua.doi', 'mat-khau-tam-thoi')).accessToken;
      expect((await api<ErrorBody>(t.url, '/users', { token: userToken })).status).toBe(403);

      const res = await api<User>(t.url, `/users/${u.id}`, {
        method: 'PATCH',
        token: adminToken,
        body: { fullName: '  Đinh Văn Sửa  ', title: 'Phó Chủ tịch', email: null, systemRole: 'admin' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        fullName: 'Đinh Văn Sửa',
        title: 'Phó Chủ tịch',
        systemRole: 'admin',
      });
      expect((await api(t.url, '/users', { token: userToken })).status).toBe(200);
    });

    it('answers USER_NOT_FOUND for an unknown id and VALIDATION_FAILED for a malformed one', async () => {
      for (const [method, path, body] of [
        ['GET', `/users/${UNKNOWN_ID}`, undefined],
        ['PATCH', `/users/${UNKNOWN_ID}`, { title: 'x' }],
        ['POST', `/users/${UNKNOWN_ID}/disable`, undefined],
        ['POST', `/users/${UNKNOWN_ID}/enable`, undefined],
        ['POST', `/users/${UNKNOWN_ID}/reset-password`, { password: 'mat-khau-moi-123' }],
      ] as const) {
        const res = await api<ErrorBody>(t.url, path, { method, token: adminToken, body });
        expect([method, path, res.status, res.body.error.code]).toEqual([
          method,
          path,
          404,
          'USER_NOT_FOUND',
        ]);
      }
      const bad = await api<ErrorBody>(t.url, '/users/not-a-uuid', { token: adminToken });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');
      expect(bad.body.error.details?.[0].path).toBe('id');
    });
  });

  describe('permissions', () => {
    it('refuses every admin route to a member with 403 ADMIN_REQUIRED', async () => {
      const target = await createUser('muc.tieu');
      const routes = [
        ['GET', '/users', undefined],
        ['GET', `/users/${target.id}`, undefined],
        ['POST', '/users', newUser('khong.duoc')],
        ['PATCH', `/users/${target.id}`, { title: 'x' }],
        ['POST', `/users/${target.id}/disable`, undefined],
        ['POST', `/users/${target.id}/enable`, undefined],
        ['POST', `/users/${target.id}/reset-password`, { password: 'mat-khau-moi-123' }],
      ] as const;
      for (const [method, path, body] of routes) {
        const res = await api<ErrorBody>(t.url, path, { method, token: memberToken, body });
        expect([method, path, res.status, res.body.error.code]).toEqual([
          method,
          path,
          403,
          'ADMIN_REQUIRED',
        ]);
      }
      // Nothing changed.
      const after = await api<User>(t.url, `/users/${target.id}`, { token: adminToken });
      expect(after.body).toEqual(target);
    });

    it('refuses the admin routes without a token', async () => {
      const res = await api<ErrorBody>(t.url, '/users');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    });

    it('lets an admin neither disable nor demote themself', async () => {
      for (const [method, path, body, code] of [
        ['POST', `/users/${admin.id}/disable`, undefined, 'CANNOT_DISABLE_SELF'],
        ['PATCH', `/users/${admin.id}`, { active: false }, 'CANNOT_DISABLE_SELF'],
        ['PATCH', `/users/${admin.id}`, { systemRole: 'member' }, 'CANNOT_DEMOTE_SELF'],
      ] as const) {
        const res = await api<ErrorBody>(t.url, path, { method, token: adminToken, body });
        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe(code);
      }
      expect((await api(t.url, '/me', { token: adminToken })).status).toBe(200);
    });
  });

  describe('directory', () => {
    it('answers active users as summaries to any signed-in user', async () => {
      const gone = await createUser('da.nghi', { fullName: 'Người Đã Nghỉ' });
      await api(t.url, `/users/${gone.id}/disable`, { method: 'POST', token: adminToken });
      const res = await api<UserDirectoryResponse>(t.url, '/users/directory', { token: memberToken });
      expect(res.status).toBe(200);
      for (const item of res.body.items) expect(UserSummarySchema.strict().parse(item)).toEqual(item);
      const usernames = res.body.items.map((u) => u.username);
      expect(usernames).toEqual(expect.arrayContaining(['quantri', 'thanhvien']));
      expect(usernames).not.toContain('da.nghi');

      const search = await api<UserDirectoryResponse>(t.url, '/users/directory?q=thanh%20vien', {
        token: memberToken,
      });
      expect(search.body.items.map((u) => u.username)).toEqual(['thanhvien']);
    });

    it('needs a signed-in user and a valid query', async () => {
      expect((await api(t.url, '/users/directory')).status).toBe(401);
      const res = await api<ErrorBody>(t.url, '/users/directory?role=admin', { token: memberToken });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('disable, enable, reset password', () => {
    it('disabling closes the sockets with session.revoked and refuses the old access token', async () => {
      const u = await createUser('bi.khoa');
      const s = await signIn(t.url, 'bi.khoa', 'mat-khau-tam-thoi');
      const socket = await connectSocket(t.url, s.accessToken);
      try {
        const revoked = nextEvent<{ reason: string }>(socket, 'session.revoked');
        const disconnected = nextEvent<string>(socket, 'disconnect');
        const res = await api<User>(t.url, `/users/${u.id}/disable`, { method: 'POST', token: adminToken });
        expect(res.status).toBe(200);
        expect(res.body.active).toBe(false);
        expect(await revoked).toEqual({ reason: 'disabled' });
        expect(await disconnected).toBe('io server disconnect');
      } finally {
        socket.close();
      }
      const me = await api<ErrorBody>(t.url, '/me', { token: s.accessToken });
      expect(me.status).toBe(401);
      expect(me.body.error.code).toBe('UNAUTHENTICATED');
      expect((await api(t.url, '/auth/refresh', { method: 'POST', cookie: s.cookie })).status).toBe(401);
      // The old token still passes the handshake's signature check; its session read closes it.
      const ended = await connectEnded(t.url, s.accessToken);
      expect(ended).toMatchObject({ revoked: 'disabled', disconnect: 'io server disconnect' });
      // The command sent at connect is refused, or never handled (the socket closed before it came).
      const refused = { ok: false, error: { code: 'UNAUTHENTICATED' } };
      expect(ended.ack ?? refused).toMatchObject(refused);
      const login = await api<ErrorBody>(t.url, '/auth/login', {
        method: 'POST',
        body: { username: 'bi.khoa', password: 'mat-khau-tam-thoi' },
      });
      expect(login.body.error.code).toBe('INVALID_CREDENTIALS');

      const sessions = await t.dataSource.getRepository(AuthSessionEntity).findBy({ userId: u.id });
      expect(sessions.map((x) => x.revokedReason)).toEqual(['disabled']);

      // Enabled again: a new sign-in works (old sessions stay ended).
      const enabled = await api<User>(t.url, `/users/${u.id}/enable`, { method: 'POST', token: adminToken });
      expect(enabled.body.active).toBe(true);
      expect((await api(t.url, '/me', { token: s.accessToken })).status).toBe(401);
      expect((await signIn(t.url, 'bi.khoa', 'mat-khau-tam-thoi')).user.active).toBe(true);
    });

    it('PATCH active:false disables the same way', async () => {
      const u = await createUser('patch.khoa');
      const s = await signIn(t.url, 'patch.khoa', 'mat-khau-tam-thoi');
      const socket = await connectSocket(t.url, s.accessToken);
      try {
        const revoked = nextEvent<{ reason: string }>(socket, 'session.revoked');
        const res = await api<User>(t.url, `/users/${u.id}`, {
          method: 'PATCH',
          token: adminToken,
          body: { active: false, title: 'Đã chuyển công tác' },
        });
        expect(res.body).toMatchObject({ active: false, title: 'Đã chuyển công tác' });
        expect(await revoked).toEqual({ reason: 'disabled' });
      } finally {
        socket.close();
      }
      expect((await api(t.url, '/me', { token: s.accessToken })).status).toBe(401);
      const reenabled = await api<User>(t.url, `/users/${u.id}`, {
        method: 'PATCH',
        token: adminToken,
        body: { active: true },
      });
      expect(reenabled.body.active).toBe(true);
    });

    it('resetting the password ends every session; the new password works, the old does not', async () => {
      const u = await createUser('quen.mk');
      const a = await signIn(t.url, 'quen.mk', 'mat-khau-tam-thoi');
      const b = await signIn(t.url, 'quen.mk', 'mat-khau-tam-thoi');
      const socket = await connectSocket(t.url, a.accessToken);
      try {
        const revoked = nextEvent<{ reason: string }>(socket, 'session.revoked');
        const res = await api(t.url, `/users/${u.id}/reset-password`, {
          method: 'POST',
          token: adminToken,
          body: { password: 'mat-khau-moi-2025' },
        });
        expect(res.status).toBe(204);
        expect(await revoked).toEqual({ reason: 'password_reset' });
      } finally {
        socket.close();
      }
      expect((await api(t.url, '/me', { token: a.accessToken })).status).toBe(401);
      expect((await api(t.url, '/me', { token: b.accessToken })).status).toBe(401);
      const old = await api<ErrorBody>(t.url, '/auth/login', {
        method: 'POST',
        body: { username: 'quen.mk', password: 'mat-khau-tam-thoi' },
      });
      expect(old.body.error.code).toBe('INVALID_CREDENTIALS');
      expect((await signIn(t.url, 'quen.mk', 'mat-khau-moi-2025')).user.id).toBe(u.id);

      const short = await api<ErrorBody>(t.url, `/users/${u.id}/reset-password`, {
        method: 'POST',
        token: adminToken,
        body: { password: 'short' },
      });
      expect(short.status).toBe(400);
      expect(short.body.error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('bad input', () => {
    const noStack = (text: string) => {
      expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
      expect(text).not.toContain('stack');
      expect(text).not.toContain('node_modules');
    };

    it.each([
      ['an unfinished object', '{"username": "x",'],
      ['a bare word', 'hello'],
      ['a trailing comma', '{"username": "x",}'],
    ])('answers 400 MALFORMED_JSON for %s', async (_name, rawBody) => {
      const res = await api<ErrorBody>(t.url, '/users', { method: 'POST', token: adminToken, rawBody });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: { code: 'MALFORMED_JSON', message: 'The data sent is malformed.' } });
      noStack(res.text);
    });

    it('answers 400 MALFORMED_JSON on the public sign-in route too', async () => {
      const res = await api<ErrorBody>(t.url, '/auth/login', { method: 'POST', rawBody: '{"username":' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('MALFORMED_JSON');
    });

    it('answers 400 VALIDATION_FAILED with the fields for wrong types', async () => {
      const res = await api<ErrorBody>(t.url, '/users', {
        method: 'POST',
        token: adminToken,
        body: { ...newUser('kieu.sai'), fullName: 42, systemRole: 'superuser' },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details?.map((d) => d.path).sort()).toEqual(['fullName', 'systemRole']);
      noStack(res.text);
    });

    it('answers 400 VALIDATION_FAILED for unknown fields', async () => {
      const res = await api<ErrorBody>(t.url, '/users', {
        method: 'POST',
        token: adminToken,
        body: { ...newUser('la.truong'), active: false, passwordHash: 'x' },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      const patch = await api<ErrorBody>(t.url, `/users/${admin.id}`, {
        method: 'PATCH',
        token: adminToken,
        body: { username: 'doi-ten' },
      });
      expect(patch.status).toBe(400);
      expect(patch.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('answers 400 VALIDATION_FAILED for a username that breaks the rules', async () => {
      for (const username of ['AB', 'Có Dấu', '-dash-first', 'x'.repeat(65)]) {
        const res = await api<ErrorBody>(t.url, '/users', {
          method: 'POST',
          token: adminToken,
          body: newUser(username),
        });
        expect([username, res.status]).toEqual([username, 400]);
      }
    });

    it('answers 413 PAYLOAD_TOO_LARGE for a body over BODY_LIMIT', async () => {
      const res = await api<ErrorBody>(t.url, '/users', {
        method: 'POST',
        token: adminToken,
        body: { ...newUser('qua.lon'), title: 'x'.repeat(150 * 1024) },
      });
      expect(res.status).toBe(413);
      expect(res.body).toEqual({
        error: { code: 'PAYLOAD_TOO_LARGE', message: 'The data sent is too large.' },
      });
      noStack(res.text);
    });
  });
});
