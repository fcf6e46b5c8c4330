import { startTestApp, TestApp } from '../test-app';
import { call, expectStatus, person, Person } from '../meetings-kit';

/** Security headers, the OpenAPI pages by API_DOCS, and calendar links from PUBLIC_URL, not Host. */
describe('headers and exposure', () => {
  describe('production settings', () => {
    let t: TestApp;
    let member: Person;
    beforeAll(async () => {
      t = await startTestApp({
        env: { NODE_ENV: 'production', PUBLIC_URL: 'https://hop.vinhphuc.gov.vn/' },
      });
      member = await person(t, 'daibieu-exposure');
    }, 60_000);
    afterAll(() => t?.close());

    it('sends a strict Content-Security-Policy and the other security headers', async () => {
      const res = await fetch(`${t.url}/api/v1/health`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toMatch(/connect-src 'self' wss:\/\/hop\.vinhphuc\.gov\.vn/);
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('x-powered-by')).toBeNull();
    });

    it('builds the calendar feed link from PUBLIC_URL, whatever Host the request names', async () => {
      const body = expectStatus(
        await call<{ url: string }>(t, member, 'GET', '/calendar/feed-url', undefined, {
          'x-forwarded-host': 'evil.example',
        }),
        200,
      );
      expect(body.url).toMatch(
        /^https:\/\/hop\.vinhphuc\.gov\.vn\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/,
      );
      // A forged Host header (curl can send any) changes nothing either.
      const forged = await fetch(`${t.url}/api/v1/calendar/feed-url`, {
        headers: { authorization: `Bearer ${member.token}`, host: 'evil.example' },
      });
      expect(((await forged.json()) as { url: string }).url).not.toContain('evil.example');
    });

    it('keeps the OpenAPI pages off by default in production', async () => {
      expect((await fetch(`${t.url}/api/docs-json`)).status).toBe(404);
      expect((await fetch(`${t.url}/api/docs`)).status).toBe(404);
    });
  });

  describe('API_DOCS=auth', () => {
    let t: TestApp;
    let member: Person;
    beforeAll(async () => {
      t = await startTestApp({ env: { NODE_ENV: 'production', API_DOCS: 'auth' } });
      member = await person(t, 'daibieu-docs');
    }, 60_000);
    afterAll(() => t?.close());

    it('serves the OpenAPI document only to a signed-in caller', async () => {
      const anonymous = await fetch(`${t.url}/api/docs-json`);
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
      const forged = await fetch(`${t.url}/api/docs-json`, { headers: { authorization: 'Bearer a.b.c' } });
      expect(forged.status).toBe(401);
      const signedIn = await fetch(`${t.url}/api/docs-json`, {
        headers: { authorization: `Bearer ${member.token}` },
      });
      expect(signedIn.status).toBe(200);
      expect(((await signedIn.json()) as { openapi: string }).openapi).toMatch(/^3\./);
    });

    it('answers a production calendar link without PUBLIC_URL as a path, never from Host', async () => {
      const body = expectStatus(await call<{ url: string }>(t, member, 'GET', '/calendar/feed-url'), 200);
      expect(body.url).toMatch(/^\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    });
  });

  describe('development', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { NODE_ENV: 'development' } });
    }, 60_000);
    afterAll(() => t?.close());

    it('keeps the OpenAPI pages public', async () => {
      expect((await fetch(`${t.url}/api/docs-json`)).status).toBe(200);
    });
  });
});
