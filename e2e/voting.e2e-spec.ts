import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import {
  PHONE,
  shot,
  startE2eEnv,
  TABLET_LANDSCAPE,
  TABLET_PORTRAIT,
  type E2eEnv,
  type Tablet,
  type Viewport,
} from './support/e2e-env';
import { demoRest } from './support/demo-rest';
import { signIn } from './support/sign-in';

jest.setTimeout(240_000);

/** Run at a fixed instant: the demo meeting is scheduled relative to it, whatever today is. */
const AT = '2026-07-01T08:30:00+07:00';
const HD = { width: 1280, height: 720 } as unknown as Viewport;

/**
 * Voting in a real Chromium on the seeded demo meeting: the chair (landscape tablet) prepares and
 * opens a named poll and a secret poll; three delegates (portrait tablet, landscape tablet, phone)
 * vote with the confirm step and get their receipt; one delegate's network is cut while voting and
 * restored — the ballot is sent again with the same key and counted once; the chair closes and
 * publishes; the results and the chart appear in the app and on the room display.
 */
describe('voting (web, e2e)', () => {
  let env: E2eEnv;
  let chair: Tablet;
  let d1: Tablet;
  let d2: Tablet;
  let d3: Tablet;
  let display: Tablet;
  let meetingId = '';
  const { rest } = demoRest(() => env);

  beforeAll(async () => {
    env = await startE2eEnv({ at: AT });
    const [row] = await env.app.dataSource.query(
      `SELECT id FROM meetings WHERE status = 'scheduled' LIMIT 1`,
    );
    meetingId = row.id;
    [chair, d1, d2, d3, display] = await Promise.all([
      env.openTablet(TABLET_LANDSCAPE),
      env.openTablet(TABLET_PORTRAIT),
      env.openTablet(TABLET_LANDSCAPE),
      env.openTablet(PHONE),
      env.openTablet(HD),
    ]);
  });

  afterAll(async () => {
    await env?.close();
  });

  function expectClean(tablet: Tablet): void {
    expect(tablet.errors).toEqual([]);
    expect(tablet.externalRequests).toEqual([]);
  }

  const room = () => `/meetings/${meetingId}/room`;

  async function vote(page: Page, optionId: string): Promise<string> {
    const ballot = page.locator('[data-testid=ballot-self]');
    await ballot.locator(`[data-testid=ballot-option-${optionId}]`).click();
    await ballot.getByTestId('ballot-submit').click();
    await ballot.getByTestId('ballot-recorded').waitFor();
    return (await ballot.getByTestId('ballot-receipt').textContent())!.trim();
  }

  it('gets the room ready: delegates check in, the chair starts, the display follows', async () => {
    const { url } = await rest<{ url: string }>('admin', 'POST', `/meetings/${meetingId}/displays`, {
      label: 'Màn hình hội trường',
    });
    await display.page.goto(url);
    await display.page.locator('[data-testid=display][data-live=true]').waitFor();

    await signIn(chair.page, 'chutri');
    await chair.page.goto(room());
    await chair.page.getByTestId('check-in-button').click();
    for (const [tablet, user] of [
      [d1, 'daibieu01'],
      [d2, 'daibieu02'],
      [d3, 'daibieu03'],
    ] as const) {
      await signIn(tablet.page, user);
      await tablet.page.goto(room());
      await tablet.page.getByTestId('check-in-button').click();
      await tablet.page.locator('[data-testid=check-in][data-status=present_room]').waitFor();
    }
    await chair.page.getByTestId('room-start').click();
    await chair.page.getByTestId('room-start-confirm').click();
    await chair.page.getByTestId('room-next').click();
    await d1.page.locator('[data-testid=meeting-status][data-status=live]').waitFor();
  });

  it('runs a named poll: quorum warning, votes with the confirm step, a delegate offline while voting', async () => {
    const { page } = chair;
    await page.getByTestId('poll-new').click();
    await page.getByTestId('poll-title').fill('Thông qua kế hoạch chỉnh trang đô thị năm 2026');
    await page.getByTestId('poll-live-tally').click();
    await shot(page, 'voting-editor-landscape');
    await page.getByTestId('poll-save').click();
    const card = page.locator('[data-testid=poll-manage][data-status=draft]').first();
    await card.waitFor();
    await card.getByTestId('poll-open').click();
    // 4 of 14 voting members are present: the chair is warned and confirms.
    // (Mantine's modal root has no box of its own: wait for what is inside it.)
    await page.getByTestId('poll-no-quorum').getByTestId('confirm-ok').waitFor();
    await shot(page, 'voting-no-quorum-landscape');
    await page.getByTestId('poll-no-quorum').getByTestId('confirm-ok').click();
    await page.locator('[data-testid=poll-manage][data-status=open]').waitFor();

    // d1 votes on the portrait tablet: choose, confirm, receipt.
    await d1.page.locator('[data-testid=ballot-self] [data-testid=ballot-choose]').waitFor();
    await shot(d1.page, 'voting-ballot-portrait');
    await d1.page.locator('[data-testid=ballot-self] [data-testid=ballot-option-yes]').click();
    await d1.page.getByTestId('ballot-confirm').waitFor();
    await shot(d1.page, 'voting-confirm-portrait');
    await d1.page.getByTestId('ballot-submit').click();
    await d1.page.getByTestId('ballot-recorded').waitFor();
    expect(await d1.page.getByTestId('ballot-recorded').textContent()).toContain(
      'Phiếu của đồng chí đã được ghi nhận',
    );
    await shot(d1.page, 'voting-recorded-portrait');

    await vote(d2.page, 'no');

    // d3 (phone) loses the network after choosing: the ballot waits, then goes out once.
    const ballot = d3.page.locator('[data-testid=ballot-self]');
    await ballot.locator('[data-testid=ballot-option-yes]').click();
    await d3.context.setOffline(true);
    await d3.page.locator('[data-testid=meeting-room][data-live=false]').waitFor();
    // The room is not live: the ballot's buttons are disabled like the rest of the room.
    expect(await ballot.getByTestId('ballot-submit').isDisabled()).toBe(true);
    await shot(d3.page, 'voting-offline-phone');
    await d3.context.setOffline(false);
    await d3.page.locator('[data-testid=meeting-room][data-live=true]').waitFor({ timeout: 15_000 });
    await ballot.getByTestId('ballot-submit').click();
    await ballot.getByTestId('ballot-recorded').waitFor();

    await page.locator('[data-testid=poll-progress][data-cast="3"]').waitFor();
    await display.page.locator('[data-testid=display-poll-progress][data-cast="3"]').waitFor();
    await shot(page, 'voting-progress-landscape');
    await shot(display.page, 'voting-display-progress-1280x720');
    expectClean(d1);
    expectClean(d2);
  });

  it('sends a ballot again with the same key after a lost ack, and counts it once', async () => {
    // A tablet that sent a ballot and never heard back keeps it, with its key, as a pending cast
    // (sessionStorage) and sends it again when it comes back — here after a reload. Twice, to
    // stand for an ack lost each time: the server counts it once and answers the same receipt.
    const [{ id: pollId }] = await env.app.dataSource.query(`SELECT id FROM polls WHERE status = 'open'`);
    const [{ id: userId }] = await env.app.dataSource.query(
      `SELECT id FROM users WHERE username = 'daibieu03'`,
    );
    const key = randomUUID();
    const ballot = d3.page.locator(`[data-testid=ballot-self][data-poll="${pollId}"]`);
    const receipts: string[] = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      await d3.page.evaluate(
        ([slot, value]) => sessionStorage.setItem(slot, value),
        [
          `phonghop.pollCast.${pollId}.${userId}`,
          JSON.stringify({ idempotencyKey: key, choices: ['abstain'] }),
        ],
      );
      await d3.page.reload();
      await ballot.locator('[data-testid=ballot-choice]').filter({ hasText: 'Không biểu quyết' }).waitFor();
      receipts.push((await ballot.getByTestId('ballot-receipt').textContent())!.trim());
      // Acknowledged: the pending cast is gone.
      expect(
        await d3.page.evaluate(
          (slot) => sessionStorage.getItem(slot),
          `phonghop.pollCast.${pollId}.${userId}`,
        ),
      ).toBeNull();
    }
    expect(receipts[1]).toBe(receipts[0]);
    const ballots = await env.app.dataSource.query(
      `SELECT choices, idempotency_key FROM poll_ballots WHERE poll_id = $1 AND user_id = $2`,
      [pollId, userId],
    );
    expect(ballots).toEqual([{ choices: ['abstain'], idempotency_key: key }]);
    await d3.page.locator('[data-testid=meeting-room][data-live=true]').waitFor();
    await ballot.getByTestId('ballot-receipt').scrollIntoViewIfNeeded();
    await shot(d3.page, 'voting-recorded-phone');
    await chair.page.locator('[data-testid=poll-progress][data-cast="3"]').waitFor();
    expectClean(d3);
  });

  it('closes and publishes: the result, the chart and the display', async () => {
    const { page } = chair;
    await page.locator('[data-testid=meeting-room][data-live=true]').waitFor();
    await page.getByTestId('poll-close').click();
    // Each confirm is scoped to its own dialog: the close dialog may still be fading out when the
    // publish dialog opens, and both hold a `confirm-ok` button for a moment.
    await page.getByTestId('poll-close-confirm').getByTestId('confirm-ok').click();
    await page.locator('[data-testid=poll-manage][data-status=closed]').waitFor();
    await page.getByTestId('poll-publish').click();
    await page.getByTestId('poll-publish-confirm').getByTestId('confirm-ok').click();
    await page.locator('[data-testid=poll-manage][data-status=published]').waitFor();
    await d1.page.getByTestId('poll-results').waitFor();
    await d1.page.getByTestId('poll-results').scrollIntoViewIfNeeded();
    await shot(d1.page, 'voting-results-portrait');
    // The results PDF comes from the server with the tablet's token, as a file.
    const [download] = await Promise.all([
      d1.page.waitForEvent('download'),
      d1.page.getByTestId('poll-results').getByTestId('poll-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = fs.readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await display.page.locator('[data-testid=display-poll][data-status=published]').waitFor();
    await shot(display.page, 'voting-display-result-1280x720');
  });

  it('runs a secret poll with receipts the voters can check', async () => {
    const { page } = chair;
    await page.getByTestId('poll-new').click();
    await page.getByTestId('poll-title').fill('Bầu Tổ trưởng tổ dân phố số 3');
    await page.getByTestId('poll-kind').getByText('Bầu cử').click();
    await page.getByTestId('poll-option-0').fill('Lê Văn Thắng');
    await page.getByTestId('poll-option-1').fill('Hoàng Thị Lan Anh');
    await shot(page, 'voting-editor-secret-landscape');
    await page.getByTestId('poll-save').click();
    const card = page.locator('[data-testid=poll-manage][data-status=draft]').first();
    await card.getByTestId('poll-open').click();
    await page.getByTestId('poll-no-quorum').getByTestId('confirm-ok').click();
    await page.locator('[data-testid=poll-manage][data-status=open]').waitFor();

    const [{ id: secretId }] = await env.app.dataSource.query(`SELECT id FROM polls WHERE secret`);
    const receipts: string[] = [];
    for (const tablet of [d1, d2, d3]) {
      const ballot = tablet.page.locator(`[data-testid=ballot-self][data-poll="${secretId}"]`);
      await ballot.locator('[data-testid=ballot-choose]').waitFor();
      await ballot.locator('[data-testid^=ballot-option-]').first().click();
      await ballot.getByTestId('ballot-next').click();
      await ballot.getByTestId('ballot-submit').click();
      await ballot.getByTestId('ballot-recorded').waitFor();
      receipts.push((await ballot.getByTestId('ballot-receipt').textContent())!.trim());
    }
    await shot(d2.page, 'voting-secret-recorded-landscape');
    expect(new Set(receipts).size).toBe(3);

    await page.locator('[data-testid=poll-progress][data-cast="3"]').waitFor();
    await page.getByTestId('poll-close').click();
    // Each confirm is scoped to its own dialog: the close dialog may still be fading out when the
    // publish dialog opens, and both hold a `confirm-ok` button for a moment.
    await page.getByTestId('poll-close-confirm').getByTestId('confirm-ok').click();
    await page.locator('[data-testid=poll-manage][data-status=closed]').waitFor();
    await page.getByTestId('poll-publish').click();
    await page.getByTestId('poll-publish-confirm').getByTestId('confirm-ok').click();

    const results = d1.page.locator('[data-testid=poll-results]').last();
    await results.getByTestId('receipt-check').waitFor();
    await results.getByTestId('receipt-check-button').click();
    await results.locator('[data-testid=receipt-check-result][data-found=true]').waitFor();
    await results.scrollIntoViewIfNeeded();
    await shot(d1.page, 'voting-secret-results-portrait');
    await results.getByTestId('receipt-input').fill('KHONG-CO-MA-NAY');
    await results.getByTestId('receipt-check-button').click();
    await results.locator('[data-testid=receipt-check-result][data-found=false]').waitFor();

    await display.page.locator('[data-testid=display-poll][data-status=published]').waitFor();
    await display.page.getByTestId('display-poll-outcome').filter({ hasText: 'Trúng cử' }).waitFor();
    await shot(display.page, 'voting-display-secret-1280x720');

    // The meeting page keeps both results; on a phone nothing scrolls sideways.
    await d3.page.goto(`/meetings/${meetingId}`);
    await d3.page.locator('[data-testid=meeting-poll-results] [data-testid=poll-results]').nth(1).waitFor();
    await d3.page.getByTestId('meeting-poll-results').scrollIntoViewIfNeeded();
    await shot(d3.page, 'voting-meeting-results-phone');
    expect(await d3.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
      true,
    );
    for (const tablet of [chair, d1, d2, d3, display]) expectClean(tablet);
  });
});
