import { createHmac } from 'node:crypto';
import type { LoginResponse, User } from '@phonghop/common';
import { LoginResponseSchema, UserSchema } from '@phonghop/common';
import { startTestApp, TestApp } from '../../../test/test-app';
import {
  api,
  connectEnded,
  connectSocket,
  ErrorBody,
  insertUser,
  nextEvent,
  refreshSetCookie,
  signIn,
} from '../../../test/identity-helpers';
import { AuthSessionEntity } from './auth-session.entity';

const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

/** A JWT signed by hand, to present tokens the server must refuse (and one it must accept). */
function craftToken(
  claims: Record<string, unknown>,
  options: { alg?: 'HS256' | 'HS512' | 'none'; secret?: string } = {},
): string {
  const alg = options.alg ?? 'HS256';
  const encode = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${encode({ alg, typ: 'JWT' })}.${encode(claims)}`;
  if (alg === 'none') return `${unsigned}.`;
  const hmac = createHmac(alg === 'HS256' ? 'sha256' : 'sha512', options.secret ?? TEST_SECRET);
  return `${unsigned}.${hmac.update(unsigned).digest('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);

describe('auth: sign-in, refresh, sign-out, tokens', () => {
  let t: TestApp;
  let alice: User & { password: string };
  let disabled: User & { password: string };

  beforeAll(async () => {
    // TRUST_PROXY lets each test sign in from its own X-Forwarded-For address, so the per-IP
    // counters of one test do not spill into the next.
    t = await startTestApp({
      env: {
        LOG_LEVEL: 'error',
        TRUST_PROXY: 'true',
        LOGIN_MAX_FAILURES_PER_USER: '3',
        LOGIN_MAX_FAILURES_PER_IP: '5',
        LOGIN_WINDOW_SECONDS: '600',
      },
    });
    alice = await insertUser(t.dataSource, { username: 'alice', fullName: 'Nguyễn Thị Ánh' });
    disabled = await insertUser(t.dataSource, { username: 'disabled', active: false });
  });
  afterAll(() => t.close());

  let ipCounter = 0;
  /** A fresh client address for each test. */
  const freshIp = () => ({ 'x-forwarded-for': `10.0.0.${++ipCounter}` });

  describe('POST /auth/login', () => {
    it('answers the access token, its lifetime and the user, and sets the refresh cookie', async () => {
      const res = await api<LoginResponse>(t.url, '/auth/login', {
        method: 'POST',
        body: { username: 'alice', password: alice.password },
        headers: freshIp(),
      });
      expect(res.status).toBe(200);
      expect(LoginResponseSchema.strict().parse(res.body)).toBeTruthy();
      expect(res.body.expiresIn).toBe(900);
      expect(res.body.user).toEqual({ ...alice, password: undefined });
      expect(res.text).not.toContain('passwordHash');
      expect(res.text).not.toContain('$argon2');

      const setCookie = refreshSetCookie(res.headers)!;
      expect(setCookie).toMatch(/^phonghop_refresh=[0-9a-f-]{36}\.[A-Za-z0-9_-]{43};/);
      expect(setCookie).toMatch(/; Path=\/api\/v1\/auth/);
      expect(setCookie).toMatch(/; HttpOnly/);
      expect(setCookie).toMatch(/; SameSite=Strict/);
      expect(setCookie).not.toMatch(/; Secure/); // plain http

      const me = await api<User>(t.url, '/me', { token: res.body.accessToken });
      expect(me.status).toBe(200);
      expect(UserSchema.strict().parse(me.body).id).toBe(alice.id);
    });

    it('stores only the SHA-256 of the refresh secret', async () => {
      const s = await signIn(t.url, 'alice', alice.password, freshIp());
      const [sessionId, secret] = s.cookie.replace('phonghop_refresh=', '').split('.');
      const row = await t.dataSource.getRepository(AuthSessionEntity).findOneByOrFail({ id: sessionId });
      expect(row.refreshHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.refreshHash).not.toContain(secret);
      expect(row.userId).toBe(alice.id);
    });

    it('marks the cookie Secure when the request came over https through the trusted proxy', async () => {
      const s = await signIn(t.url, 'alice', alice.password, { ...freshIp(), 'x-forwarded-proto': 'https' });
      expect(s.setCookie).toMatch(/; Secure/);
    });

    it('accepts the username in any case (tablets capitalise the first letter)', async () => {
      const s = await signIn(t.url, 'Alice', alice.password, freshIp());
      expect(s.user.id).toBe(alice.id);
    });

    it('gives the same INVALID_CREDENTIALS for a wrong password, an unknown user and a disabled user', async () => {
      const attempts = [
        { username: 'alice', password: 'wrong password' },
        { username: 'nobody-here', password: 'whatever123' },
        { username: 'disabled', password: disabled.password },
      ];
      const answers = [];
      for (const body of attempts) {
        const res = await api<ErrorBody>(t.url, '/auth/login', { method: 'POST', body, headers: freshIp() });
        expect(refreshSetCookie(res.headers)).toBeUndefined();
        answers.push({ status: res.status, body: res.body });
      }
      expect(answers[0]).toEqual({
        status: 401,
        body: { error: { code: 'INVALID_CREDENTIALS', message: 'Wrong username or password.' } },
      });
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    });

    it('validates the body strictly', async () => {
      const res = await api<ErrorBody>(t.url, '/auth/login', {
        method: 'POST',
        body: { username: 'alice', password: alice.password, remember: true },
        headers: freshIp(),
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('rate limit on failed sign-ins (OWASP: per pair with delays, per address, known devices)', () => {
    const attempt = (username: string, password: string, headers: Record<string, string>) =>
      api<ErrorBody>(t.url, '/auth/login', { method: 'POST', body: { username, password }, headers });
    /** The device cookies a sign-in set, ready for a Cookie header. */
    const deviceCookies = (headers: Headers) =>
      headers
        .getSetCookie()
        .filter((c) => c.startsWith('phonghop_device_'))
        .map((c) => c.split(';')[0])
        .join('; ');

    it('holds back a (username, address) pair after LOGIN_MAX_FAILURES_PER_USER failures, never the person elsewhere', async () => {
      const bob = await insertUser(t.dataSource, { username: 'bob' });
      const attacker = freshIp();
      for (let i = 0; i < 3; i++) {
        expect((await attempt('bob', 'wrong password', attacker)).body.error.code).toBe(
          'INVALID_CREDENTIALS',
        );
      }
      const blocked = await attempt('bob', bob.password, attacker);
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
      const retryAfter = Number(blocked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(5); // a delay, not a 10-minute lock

      // The real person, from their own address, is not locked out by a stranger.
      expect((await signIn(t.url, 'bob', bob.password, freshIp())).user.id).toBe(bob.id);
    });

    it('lets a device that signed in before through, even from the address under attack', async () => {
      const erin = await insertUser(t.dataSource, { username: 'erin' });
      const office = freshIp();
      const first = await attempt('erin', erin.password, office);
      expect(first.status).toBe(200);
      const device = deviceCookies(first.headers);
      expect(first.headers.getSetCookie().find((c) => c.startsWith('phonghop_device_'))).toMatch(
        /HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/,
      );
      expect(device).toMatch(/^phonghop_device_[0-9a-f]{16}=/);

      // Someone in the same office network guesses erin's password, then sweeps other names.
      for (let i = 0; i < 3; i++) await attempt('erin', 'wrong password', office);
      for (let i = 0; i < 2; i++) await attempt(`probe-e${i}`, 'wrong password', office);
      expect((await attempt('erin', erin.password, office)).status).toBe(429);

      // Erin's own tablet (its device cookie) still gets in with the right password …
      const own = await api<LoginResponse>(t.url, '/auth/login', {
        method: 'POST',
        body: { username: 'erin', password: erin.password },
        headers: office,
        cookie: device,
      });
      expect(own.status).toBe(200);
      // … but the cookie is erin's only: it does not help anyone else from that device.
      const other = await api<ErrorBody>(t.url, '/auth/login', {
        method: 'POST',
        body: { username: 'alice', password: alice.password },
        headers: office,
        cookie: device,
      });
      expect(other.status).toBe(429);
      // A forged device cookie is worth nothing.
      const forged = device.replace(/=.{5}/, '=AAAAA');
      const res = await api<ErrorBody>(t.url, '/auth/login', {
        method: 'POST',
        body: { username: 'erin', password: erin.password },
        headers: office,
        cookie: forged,
      });
      expect(res.status).toBe(429);
    });

    it("an attacker's own successful sign-ins reset neither another username's counter nor the address's failures", async () => {
      const ip = freshIp();
      for (let i = 0; i < 3; i++) {
        expect((await attempt('frank', 'wrong password', ip)).body.error.code).toBe('INVALID_CREDENTIALS');
        // The attacker's valid account signs in between the guesses.
        expect((await attempt('alice', alice.password, ip)).status).toBe(200);
      }
      expect((await attempt('frank', 'wrong password', ip)).status).toBe(429);
      // Two more failures on other names reach the address ceiling (5) despite the successes.
      expect((await attempt('probe-f0', 'wrong password', ip)).body.error.code).toBe('INVALID_CREDENTIALS');
      expect((await attempt('alice', alice.password, ip)).status).toBe(200);
      expect((await attempt('probe-f1', 'wrong password', ip)).body.error.code).toBe('INVALID_CREDENTIALS');
      expect((await attempt('probe-f9', 'wrong password', ip)).status).toBe(429);
    });

    it('lets only the allowed number of parallel guesses for one pair reach the password check', async () => {
      const ip = freshIp();
      const results = await Promise.all(
        Array.from({ length: 12 }, () => attempt('grace', 'wrong password', ip)),
      );
      const checked = results.filter((r) => r.status === 401).length;
      expect(checked).toBeLessThanOrEqual(3);
      expect(results.filter((r) => r.status === 429).length).toBe(12 - checked);
    });

    it('refuses an IP after LOGIN_MAX_FAILURES_PER_IP failures across usernames', async () => {
      const dave = await insertUser(t.dataSource, { username: 'dave' });
      const ip = freshIp();
      for (let i = 0; i < 5; i++) {
        const res = await attempt(`probe${i}`, 'wrong password', ip);
        expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
      }
      const blocked = await attempt('dave', dave.password, ip);
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
      // The same user from another address signs in.
      expect((await signIn(t.url, 'dave', dave.password, freshIp())).user.id).toBe(dave.id);
    });

    it('forgets the failures of a pair after its successful sign-in', async () => {
      const carol = await insertUser(t.dataSource, { username: 'carol' });
      const ip = freshIp();
      await attempt('carol', 'wrong password', ip);
      await attempt('carol', 'wrong password', ip);
      await signIn(t.url, 'carol', carol.password, ip);
      await attempt('carol', 'wrong password', ip);
      await attempt('carol', 'wrong password', ip);
      expect((await signIn(t.url, 'carol', carol.password, ip)).user.id).toBe(carol.id);
    });

    it('does not count successful sign-ins against the IP', async () => {
      const ip = freshIp();
      for (let i = 0; i < 7; i++) await signIn(t.url, 'alice', alice.password, ip);
    });
  });

  describe('POST /auth/refresh', () => {
    it('rotates the cookie and answers a new access token', async () => {
      const s = await signIn(t.url, 'alice', alice.password, freshIp());
      const res = await api<LoginResponse>(t.url, '/auth/refresh', { method: 'POST', cookie: s.cookie });
      expect(res.status).toBe(200);
      expect(res.body.user.id).toBe(alice.id);
      expect(res.body.expiresIn).toBe(900);
      const rotated = refreshSetCookie(res.headers)!;
      expect(rotated).toMatch(/; HttpOnly/);
      expect(rotated).toMatch(/; SameSite=Strict/);
      expect(rotated).toMatch(/; Path=\/api\/v1\/auth/);
      const newCookie = rotated.split(';')[0];
      const [oldId, oldSecret] = s.cookie.split('=')[1].split('.');
      const [newId, newSecret] = newCookie.split('=')[1].split('.');
      expect(newId).toBe(oldId); // same session
      expect(newSecret).not.toBe(oldSecret);

      expect((await api(t.url, '/me', { token: res.body.accessToken })).status).toBe(200);
      // The new cookie refreshes again.
      expect((await api(t.url, '/auth/refresh', { method: 'POST', cookie: newCookie })).status).toBe(200);
    });

    it('revokes the session when a cookie two rotations old is presented again', async () => {
      const s = await signIn(t.url, 'alice', alice.password, freshIp());
      const first = await api<LoginResponse>(t.url, '/auth/refresh', { method: 'POST', cookie: s.cookie });
      expect(first.status).toBe(200);
      const second = await api<LoginResponse>(t.url, '/auth/refresh', {
        method: 'POST',
        cookie: refreshSetCookie(first.headers)!.split(';')[0],
      });
      expect(second.status).toBe(200);
      const current = refreshSetCookie(second.headers)!.split(';')[0];

      const reuse = await api<ErrorBody>(t.url, '/auth/refresh', { method: 'POST', cookie: s.cookie });
      expect(reuse.status).toBe(401);
      expect(reuse.body.error.code).toBe('UNAUTHENTICATED');
      expect(refreshSetCookie(reuse.headers)).toMatch(/^phonghop_refresh=;/); // cleared

      // The whole session is gone: the current cookie and every access token of it too.
      expect((await api(t.url, '/auth/refresh', { method: 'POST', cookie: current })).status).toBe(401);
      expect((await api(t.url, '/me', { token: first.body.accessToken })).status).toBe(401);
      expect((await api(t.url, '/me', { token: s.accessToken })).status).toBe(401);
      const [sessionId] = s.cookie.split('=')[1].split('.');
      const row = await t.dataSource.getRepository(AuthSessionEntity).findOneByOrFail({ id: sessionId });
      expect(row.revokedReason).toBe('refresh_reuse');
    });

    it('keeps the session when two refreshes race with one cookie: both get the same successor', async () => {
      const s = await signIn(t.url, 'alice', alice.password, freshIp());
      const results = await Promise.all([
        api<LoginResponse>(t.url, '/auth/refresh', { method: 'POST', cookie: s.cookie }),
        api<LoginResponse>(t.url, '/auth/refresh', { method: 'POST', cookie: s.cookie }),
      ]);
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      const cookies = results.map((r) => refreshSetCookie(r.headers)!.split(';')[0]);
      expect(cookies[0]).toBe(cookies[1]);
      expect(cookies[0]).not.toBe(s.cookie);
      // The winner's cookie goes on working, and so do both access tokens.
      expect((await api(t.url, '/auth/refresh', { method: 'POST', cookie: cookies[0] })).status).toBe(200);
      for (const r of results)
        expect((await api(t.url, '/me', { token: r.body.accessToken })).status).toBe(200);
    });

    it('revokes the session when the rotated cookie comes back after the grace window', async () => {
      const s = await signIn(t.url, 'alice', alice.password, freshIp());
      const first = await api<LoginResponse>(t.url, '/auth/refresh', { method: 'POST', cookie: s.cookie });
      expect(first.status).toBe(200);
      const [sessionId] = s.cookie.split('=')[1].split('.');
      // The rotation happened longer ago than REFRESH_GRACE_SECONDS (moved back, not waited for).
      await t.dataSource.query(
        `UPDATE auth_sessions SET last_used_at = now() - interval '1 hour' WHERE id = $1`,
        [sessionId],
      );
      const reuse = await api<ErrorBody>(t.url, '/auth/refresh', { method: 'POST', cookie: s.cookie });
      expect(reuse.status).toBe(401);
      const row = await t.dataSource.getRepository(AuthSessionEntity).findOneByOrFail({ id: sessionId });
      expect(row.revokedReason).toBe('refresh_reuse');
      expect((await api(t.url, '/me', { token: first.body.accessToken })).status).toBe(401);
    });

    it('refuses a missing, malformed or unknown cookie with 401', async () => {
      for (const cookie of [
        undefined,
        'phonghop_refresh=garbage',
        'phonghop_refresh=00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ]) {
        const res = await api<ErrorBody>(t.url, '/auth/refresh', { method: 'POST', cookie });
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('UNAUTHENTICATED');
      }
    });
  });

  describe('POST /auth/logout', () => {
    it('revokes the session, clears the cookie and refuses the access token afterwards', async () => {
      const s = await signIn(t.url, 'alice', alice.password, freshIp());
      const other = await signIn(t.url, 'alice', alice.password, freshIp());
      const res = await api(t.url, '/auth/logout', {
        method: 'POST',
        cookie: s.cookie,
        token: s.accessToken,
      });
      expect(res.status).toBe(204);
      expect(refreshSetCookie(res.headers)).toMatch(/^phonghop_refresh=;.*Path=\/api\/v1\/auth/);

      expect((await api(t.url, '/me', { token: s.accessToken })).status).toBe(401);
      expect((await api(t.url, '/auth/refresh', { method: 'POST', cookie: s.cookie })).status).toBe(401);
      // The user's other device stays signed in.
      expect((await api(t.url, '/me', { token: other.accessToken })).status).toBe(200);
    });

    it('works with the cookie alone (access token already expired) and is idempotent', async () => {
      const s = await signIn(t.url, 'alice', alice.password, freshIp());
      expect((await api(t.url, '/auth/logout', { method: 'POST', cookie: s.cookie })).status).toBe(204);
      expect((await api(t.url, '/me', { token: s.accessToken })).status).toBe(401);
      expect((await api(t.url, '/auth/logout', { method: 'POST', cookie: s.cookie })).status).toBe(204);
      expect((await api(t.url, '/auth/logout', { method: 'POST' })).status).toBe(204);
    });

    it("closes that session's sockets with session.revoked, not the user's other sockets", async () => {
      const s = await signIn(t.url, 'alice', alice.password, freshIp());
      const other = await signIn(t.url, 'alice', alice.password, freshIp());
      const socket = await connectSocket(t.url, s.accessToken);
      const otherSocket = await connectSocket(t.url, other.accessToken);
      try {
        const revoked = nextEvent<{ reason: string }>(socket, 'session.revoked');
        const disconnected = nextEvent<string>(socket, 'disconnect');
        await api(t.url, '/auth/logout', { method: 'POST', cookie: s.cookie });
        expect(await revoked).toEqual({ reason: 'logout' });
        expect(await disconnected).toBe('io server disconnect');
        const ack = await otherSocket.timeout(5000).emitWithAck('system.ping', {});
        expect(ack.ok).toBe(true);
        expect(otherSocket.connected).toBe(true);
      } finally {
        socket.close();
        otherSocket.close();
      }
    });
  });

  describe('GET /me and access tokens', () => {
    let session: { accessToken: string; sessionId: string };
    beforeAll(async () => {
      const s = await signIn(t.url, 'alice', alice.password, freshIp());
      session = { accessToken: s.accessToken, sessionId: s.cookie.split('=')[1].split('.')[0] };
    });
    const claims = (over: Record<string, unknown> = {}) => ({
      sub: alice.id,
      sid: session.sessionId,
      role: 'member',
      aud: 'phonghop',
      iss: 'phonghop-api',
      iat: now() - 10,
      exp: now() + 300,
      ...over,
    });

    it('answers the signed-in user', async () => {
      const res = await api<User>(t.url, '/me', { token: session.accessToken });
      expect(res.status).toBe(200);
      expect(res.body.username).toBe('alice');
      expect(res.body.fullName).toBe('Nguyễn Thị Ánh');
    });

    it('needs a token', async () => {
      const res = await api<ErrorBody>(t.url, '/me');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    });

    it('accepts a correctly hand-signed token (so the refusals below are about the one flaw each)', async () => {
      expect((await api(t.url, '/me', { token: craftToken(claims()) })).status).toBe(200);
    });

    it('refuses an expired token with TOKEN_EXPIRED', async () => {
      const res = await api<ErrorBody>(t.url, '/me', {
        token: craftToken(claims({ iat: now() - 1000, exp: now() - 60 })),
      });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('TOKEN_EXPIRED');
    });

    it.each([
      ['a wrong audience', () => craftToken(claims({ aud: 'someone-else' }))],
      ['a wrong issuer', () => craftToken(claims({ iss: 'someone-else' }))],
      ['alg none', () => craftToken(claims(), { alg: 'none' })],
      ['HS512', () => craftToken(claims(), { alg: 'HS512' })],
      [
        'another secret',
        () => craftToken(claims(), { secret: 'another-secret-another-secret-another-secret' }),
      ],
      ['no session id', () => craftToken(claims({ sid: undefined }))],
      ['no expiry', () => craftToken(claims({ exp: undefined }))],
      [
        'an audience list that merely contains ours',
        () => craftToken(claims({ aud: ['phonghop', 'other'] })),
      ],
      ['a malformed session id', () => craftToken(claims({ sid: 'not-a-uuid' }))],
      ['a malformed subject', () => craftToken(claims({ sub: "x' OR 1=1" }))],
      ['a garbage token', () => 'not.a.jwt'],
    ])('refuses a token with %s', async (_name, token) => {
      const res = await api<ErrorBody>(t.url, '/me', { token: token() });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('socket.io handshake', () => {
    let token: string;
    beforeAll(async () => {
      token = (await signIn(t.url, 'alice', alice.password, freshIp())).accessToken;
    });

    it('accepts a valid token and acknowledges commands', async () => {
      const socket = await connectSocket(t.url, token);
      try {
        const ack = await socket.timeout(5000).emitWithAck('system.ping', {});
        expect(ack).toEqual({ ok: true, data: { serverTime: expect.any(String) } });
      } finally {
        socket.close();
      }
    });

    it('accepts the same-host Origin of the web app', async () => {
      const socket = await connectSocket(t.url, token, { origin: t.url });
      socket.close();
    });

    it('refuses a connection without a token', async () => {
      await expect(connectSocket(t.url, undefined)).rejects.toMatchObject({
        data: { code: 'UNAUTHENTICATED' },
      });
    });

    it('refuses a bad token', async () => {
      await expect(connectSocket(t.url, 'not.a.jwt')).rejects.toMatchObject({
        data: { code: 'UNAUTHENTICATED' },
      });
      await expect(
        connectSocket(t.url, craftToken({ sub: alice.id }, { alg: 'none' })),
      ).rejects.toMatchObject({
        data: { code: 'UNAUTHENTICATED' },
      });
    });

    it('closes a socket whose token is valid but whose session was signed out; nothing is served', async () => {
      const s = await signIn(t.url, 'alice', alice.password, freshIp());
      expect((await api(t.url, '/auth/logout', { method: 'POST', cookie: s.cookie })).status).toBe(204);
      const ended = await connectEnded(t.url, s.accessToken);
      expect(ended).toMatchObject({ revoked: 'logout', disconnect: 'io server disconnect' });
      // The command sent at connect is refused, or never handled (the socket closed before it came).
      const refused = { ok: false, error: { code: 'UNAUTHENTICATED' } };
      expect(ended.ack ?? refused).toMatchObject(refused);
    });

    it('refuses an expired token', async () => {
      const expired = craftToken({
        sub: alice.id,
        sid: '00000000-0000-4000-8000-000000000000',
        role: 'member',
        aud: 'phonghop',
        iss: 'phonghop-api',
        exp: now() - 60,
      });
      await expect(connectSocket(t.url, expired)).rejects.toMatchObject({ data: { code: 'TOKEN_EXPIRED' } });
    });

    it('refuses a foreign Origin', async () => {
      await expect(connectSocket(t.url, token, { origin: 'http://evil.example' })).rejects.toBeInstanceOf(
        Error,
      );
    });
  });

  describe('OpenAPI', () => {
    it('documents the auth and user routes from the shared schemas', async () => {
      const res = await fetch(`${t.url}/api/docs-json`);
      const doc = (await res.json()) as {
        paths: Record<
          string,
          Record<string, { requestBody?: unknown; responses: Record<string, unknown>; security?: unknown }>
        >;
        components: { schemas: Record<string, unknown> };
      };
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/auth/login',
          '/api/v1/auth/refresh',
          '/api/v1/auth/logout',
          '/api/v1/me',
          '/api/v1/users',
          '/api/v1/users/directory',
          '/api/v1/users/{id}',
          '/api/v1/users/{id}/disable',
          '/api/v1/users/{id}/enable',
          '/api/v1/users/{id}/reset-password',
        ]),
      );
      const login = doc.paths['/api/v1/auth/login'].post;
      expect(JSON.stringify(login.requestBody)).toContain('LoginRequestDto');
      expect(JSON.stringify(login.responses['200'])).toMatch(/LoginResponseDto/);
      expect(doc.paths['/api/v1/users'].get.security).toEqual([{ bearer: [] }]);
      expect(doc.components.schemas).toHaveProperty('CreateUserRequestDto');
    });
  });
});
