import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { seedDemo } from '../../apps/api/src/database/seed/demo-seed';
import { startTestApp, type TestApp } from '../../apps/api/test/test-app';
import { TestClock } from '../../apps/api/test/test-clock';
import { expectAccessible } from './axe';

export const WEB_DIST_DIR = path.resolve(__dirname, '../../apps/web/dist');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'vinhphuc2025';
export const SHOTS_DIR = process.env.E2E_SHOTS_DIR ?? '/tmp/shots';

export const TABLET_LANDSCAPE = { width: 1024, height: 768 } as const;
export const TABLET_PORTRAIT = { width: 768, height: 1024 } as const;
export const PHONE = { width: 390, height: 844 } as const;
export type Viewport = { readonly width: number; readonly height: number };

/** How the device is set up; a ward tablet runs on Vietnam time, a laptop may be left on UTC. */
export interface TabletOptions {
  /** IANA zone of the browser (its Date, Intl); default Asia/Ho_Chi_Minh. */
  timezoneId?: string;
}

/** One browser tab as a person sees it, plus what went wrong in it. */
export interface Tablet {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors: a test ends by expecting none. */
  errors: string[];
  /** Requests that tried to leave the app's origin (the app must run without the internet). */
  externalRequests: string[];
}

export interface E2eEnv {
  app: TestApp;
  browser: Browser;
  baseUrl: string;
  /**
   * With `startE2eEnv({ at })`: the clock the server's meeting lists read; every tablet opened
   * later gets a browser clock (playwright `clock.install`) set to the same reading. Both run on
   * at the real pace from there; `advance` moves them together.
   */
  clock: TestClock | null;
  /** A new browser context (own cookies, own storage) at a tablet size. */
  openTablet(viewport?: Viewport, options?: TabletOptions): Promise<Tablet>;
  /** Moves the server's and every tablet's clock forward by `ms` (a tablet "closed for a while"). */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

export interface E2eEnvOptions {
  /**
   * Run at this instant instead of the machine's time: the server's lists, the demo seed and each
   * browser read it. Tests that depend on the day or the hour set it, so they pass on any date.
   */
  at?: Date | string;
  /** Environment overrides for the API (e.g. a short ACCESS_TOKEN_TTL_SECONDS). */
  env?: Record<string, string>;
}

/**
 * The real API (same wiring as production) on its own cloned database, serving the built web app,
 * seeded with the demo ward, and Debian's Chromium driven by playwright-core.
 */
export async function startE2eEnv(options: E2eEnvOptions = {}): Promise<E2eEnv> {
  if (!fs.existsSync(path.join(WEB_DIST_DIR, 'index.html'))) {
    throw new Error(
      `${WEB_DIST_DIR}/index.html is missing: build the web app first (npm run build -w @phonghop/web; npm test does it)`,
    );
  }
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does it)`,
    );
  }
  const clock = options.at === undefined ? null : new TestClock(options.at);
  const app = await startTestApp({
    env: { WEB_DIST_DIR, LOG_LEVEL: 'error', ...options.env },
    clock: clock ?? undefined,
  });
  const tablets: Tablet[] = [];
  let browser: Browser | undefined;
  try {
    await seedDemo(app.dataSource, DEMO_PASSWORD, clock?.now());
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  } catch (err) {
    await app.close();
    throw err;
  }
  const launched = browser;
  fs.mkdirSync(SHOTS_DIR, { recursive: true });

  return {
    app,
    browser: launched,
    baseUrl: app.url,
    clock,
    openTablet: async (viewport = TABLET_LANDSCAPE, tabletOptions = {}) => {
      const tablet = await openTablet(launched, app.url, viewport, tabletOptions, clock);
      tablets.push(tablet);
      return tablet;
    },
    advance: async (ms) => {
      if (!clock) throw new Error('advance() needs startE2eEnv({ at })');
      clock.advance(ms);
      await Promise.all(tablets.map((t) => t.context.clock.fastForward(ms)));
    },
    close: async () => {
      await Promise.allSettled(tablets.map((t) => t.context.close()));
      await launched.close().catch(() => undefined);
      await app.close();
    },
  };
}

async function openTablet(
  browser: Browser,
  baseUrl: string,
  viewport: Viewport,
  options: TabletOptions,
  clock: TestClock | null,
): Promise<Tablet> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    hasTouch: true,
    locale: 'vi-VN',
    timezoneId: options.timezoneId ?? 'Asia/Ho_Chi_Minh',
  });
  // The browser's Date and timers start at the server clock's reading and run on at the real pace.
  if (clock) await context.clock.install({ time: clock.now() });
  const errors: string[] = [];
  const externalRequests: string[] = [];
  const origin = new URL(baseUrl).origin;
  // Anything not from the app itself is refused and recorded: fonts and assets must ship with it.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    externalRequests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !isExpectedConsoleError(msg.text())) errors.push(`console: ${msg.text()}`);
  });
  return { context, page, errors, externalRequests };
}

/** Failed requests the app makes on purpose (a refresh without a session, a wrong password). */
function isExpectedConsoleError(text: string): boolean {
  return /Failed to load resource: the server responded with a status of (401|403|409|429)/.test(text);
}

/**
 * A screenshot for people to look at, outside the repository (or under `dir`), and an axe-core
 * check of what it shows (WCAG AA, colour contrast included): every screen the e2e tests picture
 * is checked. `axe: false` only for a picture taken mid-animation on purpose.
 */
export async function shot(
  page: Page,
  name: string,
  options: { axe?: boolean; dir?: string } = {},
): Promise<void> {
  await page.waitForTimeout(250); // let transitions (modals, notifications) settle for the picture
  const dir = options.dir ?? SHOTS_DIR;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
  if (options.axe !== false) await expectAccessible(page, name);
}
