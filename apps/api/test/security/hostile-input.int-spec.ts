import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MeetingJoinResult } from '@phonghop/common';
import { startTestApp, TestApp } from '../test-app';
import {
  addParticipant,
  call,
  connect,
  createMeeting,
  emit,
  errorCode,
  eventually,
  expectStatus,
  key,
  ok,
  Person,
  person,
  recordEvents,
  TestSocket,
  transition,
} from '../meetings-kit';

/**
 * Hostile input against the app as people run it: with the web app served (WEB_DIST_DIR holding
 * an index.html — the configuration in which body errors used to come back as 404 ROUTE_NOT_FOUND).
 */
describe('hostile input, with the web app served', () => {
  let t: TestApp;
  let webDir: string;
  let secretary: Person;
  let delegate: Person;
  let meetingId: string;
  let socket: TestSocket;
  const logLines: string[] = [];
  const realWrite = process.stdout.write.bind(process.stdout);

  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(
      path.join(webDir, 'index.html'),
      '<!doctype html><title>web</title><div id="root"></div>',
    );
    fs.writeFileSync(path.join(webDir, 'assets', 'app-abc123.js'), 'console.log(1)');
    // pino writes JSON lines to stdout: keep them to check the request id and the log line.
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      logLines.push(String(chunk));
      return (realWrite as (c: unknown, ...r: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
    t = await startTestApp({ env: { WEB_DIST_DIR: webDir, LOG_LEVEL: 'info', BODY_LIMIT: '1kb' } });
    secretary = await person(t, 'thuky-hostile');
    delegate = await person(t, 'daibieu-hostile');
    const m = await createMeeting(t, secretary);
    meetingId = m.id;
    await addParticipant(t, secretary, m.id, delegate, 'delegate');
    await transition(t, secretary, m.id, 'scheduled');
    socket = await connect(t.url, secretary);
  }, 60_000);
  afterAll(async () => {
    process.stdout.write = realWrite;
    socket?.close();
    await t?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
  const raw = (p: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${t.url}/api/v1${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secretary.token}`, ...headers },
      body,
    });

  it('serves the web app (the configuration under test) and client-side routes', async () => {
    const page = await fetch(`${t.url}/meetings/123`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const asset = await fetch(`${t.url}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // An unknown API route is still a JSON 404, not the web app.
    const missing = await fetch(`${t.url}/api/v1/nothing-here`);
    expect(missing.status).toBe(404);
    expect(await codeOf(missing)).toBe('ROUTE_NOT_FOUND');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON, a request id and a log line', async () => {
    const res = await raw('/meetings', '{"title": "Họp', { 'x-request-id': 'bad-json-probe-1' });
    expect(res.status).toBe(400);
    expect(await codeOf(res)).toBe('MALFORMED_JSON');
    expect(res.headers.get('x-request-id')).toBe('bad-json-probe-1');
    await eventually(() => expect(logLines.join('')).toContain('bad-json-probe-1'));
  });

  it('answers malformed JSON on the public sign-in route too', async () => {
    const res = await raw('/auth/login', '{nope');
    expect(res.status).toBe(400);
    expect(await codeOf(res)).toBe('MALFORMED_JSON');
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await raw('/meetings', JSON.stringify({ title: 'x'.repeat(5000) }));
    expect(res.status).toBe(413);
    expect(await codeOf(res)).toBe('PAYLOAD_TOO_LARGE');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it.each([
    ['a NUL in a meeting title', 'POST', '/meetings', { title: 'Họp\u0000' }],
    ['a lone surrogate in a meeting title', 'POST', '/meetings', { title: 'Họp\uD800' }],
    ['a title of invisible characters', 'POST', '/meetings', { title: '\u200B\u202E' }],
    ['a date in the year 1', 'POST', '/meetings', { startsAt: '0001-01-01T00:00:00Z' }],
    ['a NUL in an agenda title', 'POST', '/meetings/:id/agenda', { title: 'Mục\u0000' }],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_name, method, p, over) => {
    const body =
      p === '/meetings'
        ? {
            title: 'Họp',
            kind: 'other',
            startsAt: '2026-12-01T08:00:00+07:00',
            endsAt: '2026-12-01T09:00:00+07:00',
            online: true,
            ...over,
          }
        : over;
    const res = await call(t, secretary, method, p.replace(':id', meetingId), body);
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
  });

  it('refuses a NUL in the sign-in name with 400, not 500', async () => {
    const res = await call(t, null, 'POST', '/auth/login', { username: 'admin\u0000', password: 'x' });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
  });

  it('refuses a lone surrogate in a decline reason', async () => {
    const res = await call(t, delegate, 'POST', `/meetings/${meetingId}/invitation`, {
      response: 'declined',
      reason: 'Ốm\uDC00',
    });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
  });

  it('cleans bidirectional controls out of a title instead of storing them', async () => {
    const m = expectStatus(
      await call<{ title: string }>(t, secretary, 'POST', '/meetings', {
        title: 'Họp \u202Etxt.exe\u202C',
        kind: 'other',
        startsAt: '2026-12-01T08:00:00+07:00',
        endsAt: '2026-12-01T09:00:00+07:00',
        online: true,
      }),
      201,
    );
    expect(m.title).toBe('Họp txt.exe');
  });

  it('refuses a NUL over the socket with VALIDATION_FAILED', async () => {
    const ack = await emit(socket, 'agenda.add', { meetingId, idempotencyKey: key(), title: 'Mục\u0000' });
    expect(ack.ok).toBe(false);
    if (!ack.ok) expect(ack.error.code).toBe('VALIDATION_FAILED');
  });

  it.each(['0x10', '', ' 5', '05'])('refuses the query number %j', async (value) => {
    const res = await call(
      t,
      secretary,
      'GET',
      `/meetings/${meetingId}/events?sinceSeq=${encodeURIComponent(value)}`,
    );
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
  });

  it('takes ids in upper case over REST and lower-cases them', async () => {
    const res = await call<{ meeting: { id: string } }>(
      t,
      secretary,
      'GET',
      `/meetings/${meetingId.toUpperCase()}`,
    );
    expect(expectStatus(res, 200).meeting.id).toBe(meetingId);
  });

  it('joins the room of an upper-case meeting id, so its events arrive', async () => {
    const listener = await connect(t.url, delegate);
    try {
      const joined = ok(
        (await emit(listener, 'meeting.join', { meetingId: meetingId.toUpperCase() })) as {
          ok: true;
          data: MeetingJoinResult;
        },
      );
      expect(joined.kind).toBe('snapshot');
      const seen = recordEvents(listener);
      ok(await emit(socket, 'agenda.add', { meetingId, idempotencyKey: key(), title: 'Mục mới' }));
      await eventually(() => expect(seen.map((e) => e.type)).toContain('agenda.itemAdded'));
    } finally {
      listener.close();
    }
  });
});
