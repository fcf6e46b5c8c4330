import { RealtimeService } from '../apps/api/src/modules/realtime/realtime.service';
import { rooms } from '../apps/api/src/modules/realtime/realtime.types';
import { startE2eEnv, type E2eEnv } from './support/e2e-env';
import { signIn } from './support/sign-in';

/**
 * The server closes a socket when its access token expires (`session.expired`). The web app must
 * keep its socket open across that instant by handing each refreshed token to it (`auth.renew`).
 * With 30 s tokens the app refreshes every few seconds; past the first token's expiry the tab must
 * still hold the very socket it opened, not a reconnected one.
 */
const TOKEN_TTL_SECONDS = 30;

describe('the web app renews its socket’s token', () => {
  let env: E2eEnv;

  beforeAll(async () => {
    env = await startE2eEnv({ env: { ACCESS_TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS) } });
  }, 120_000);
  afterAll(() => env?.close(), 60_000);

  it('keeps the same socket open past the first token’s expiry', async () => {
    const tablet = await env.openTablet();
    await signIn(tablet.page, 'chutri');
    const rows: { id: string }[] = await env.app.dataSource.query(
      'SELECT id FROM users WHERE username = $1',
      ['chutri'],
    );
    const io = env.app.app.get(RealtimeService).io;
    const socketIds = async () => (await io.in(rooms.user(rows[0].id)).fetchSockets()).map((s) => s.id);
    let first: string[] = [];
    for (let i = 0; i < 100 && first.length === 0; i++) {
      first = await socketIds();
      if (first.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(first).toHaveLength(1);

    // Past the expiry of the token the socket opened with (plus a margin).
    await new Promise((r) => setTimeout(r, (TOKEN_TTL_SECONDS + 8) * 1000));
    expect(await socketIds()).toEqual(first);
    expect(tablet.page.url()).not.toContain('/sign-in');
    expect(tablet.errors).toEqual([]);
    expect(tablet.externalRequests).toEqual([]);
  }, 120_000);
});
