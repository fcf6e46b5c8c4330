import { Document, HeadingLevel, Packer, PageBreak, Paragraph, TextRun } from 'docx';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { embedVietnameseFonts } from '../apps/api/src/common/pdf/vietnamese-font';
import {
  PHONE,
  shot,
  startE2eEnv,
  TABLET_LANDSCAPE,
  TABLET_PORTRAIT,
  type E2eEnv,
  type Tablet,
} from './support/e2e-env';
import { signIn } from './support/sign-in';

jest.setTimeout(600_000);

/** A Word file with Vietnamese text over three pages (the secretary's draft, converted by LibreOffice). */
async function draftDocx(): Promise<Buffer> {
  const page = (n: number) => [
    new Paragraph({ text: `Dự thảo Nghị quyết — phần ${n}`, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({
      children: [
        new TextRun('Đảng ủy phường Vĩnh Phúc thống nhất các chỉ tiêu phát triển kinh tế – xã hội.'),
      ],
    }),
    ...(n < 3 ? [new Paragraph({ children: [new PageBreak()] })] : []),
  ];
  const doc = new Document({ sections: [{ children: [1, 2, 3].flatMap(page) }] });
  return Packer.toBuffer(doc);
}

/** A report PDF of `pages` pages in Noto Sans, with "Quỹ khuyến học" on page 4 only, and some bulk. */
async function reportPdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const { regular } = await embedVietnameseFonts(doc);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Báo cáo tình hình phường — trang ${n}`, { x: 50, y: 780, size: 18, font: regular });
    const body =
      n === 4 ? 'Thông qua Nghị quyết về Quỹ khuyến học năm 2027.' : `Số liệu thống kê của khu phố số ${n}.`;
    page.drawText(body, { x: 50, y: 740, size: 12, font: regular });
  }
  // Bulk (an attachment-free filler stream) so the upload takes long enough to watch the bar move.
  doc.setSubject('x'.repeat(1024 * 1024));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/**
 * Meeting documents in a real Chromium on the seeded demo meeting (chair chutri, secretary thuky,
 * delegates daibieu01…): the secretary uploads a .docx and a PDF and watches the progress bar; a
 * delegate on a portrait tablet reads and searches without diacritics; the chair presents in the
 * live room and a second browser follows the page turns, stops following and comes back.
 */
describe('meeting documents (web, e2e)', () => {
  let env: E2eEnv;
  let secretary: Tablet;
  let delegate: Tablet;
  let chair: Tablet;
  let meetingId = '';
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-docs-e2e-'));

  beforeAll(async () => {
    env = await startE2eEnv();
    const [row] = await env.app.dataSource.query(
      `SELECT id FROM meetings WHERE status = 'scheduled' LIMIT 1`,
    );
    meetingId = row.id;
    [secretary, delegate, chair] = await Promise.all([
      env.openTablet(TABLET_LANDSCAPE),
      env.openTablet(TABLET_PORTRAIT),
      env.openTablet(TABLET_LANDSCAPE),
    ]);
    fs.writeFileSync(path.join(files, 'Dự thảo nghị quyết.docx'), await draftDocx());
    fs.writeFileSync(path.join(files, 'Báo cáo tình hình.pdf'), await reportPdf(8));
  });

  afterAll(async () => {
    await env?.close();
    fs.rmSync(files, { recursive: true, force: true });
  });

  function expectClean(tablet: Tablet): void {
    expect(tablet.errors).toEqual([]);
    expect(tablet.externalRequests).toEqual([]);
  }

  /** Uploads through the dialog with a slowed network, and proves the bar moved through the middle. */
  async function upload(page: Page, file: string, title: string, shotName?: string): Promise<void> {
    await page.getByTestId('document-upload-open').click();
    // Mantine's FileInput is a button that opens the file chooser.
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByTestId('document-upload-file').click(),
    ]);
    await chooser.setFiles(path.join(files, file));
    await page.getByTestId('document-upload-title').fill(title);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    // About 300 KB/s up: a 1 MB file takes a few seconds, so the bar is seen between 0 and 100 %.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 300 * 1024,
    });
    await page.getByTestId('document-upload-submit').click();
    const bar = page.getByTestId('document-upload-progress-bar');
    if (shotName) {
      await bar.waitFor();
      await page.waitForFunction(() => {
        const now = Number(
          document.querySelector('[data-testid=document-upload-progress-bar]')?.getAttribute('aria-valuenow'),
        );
        return now > 5 && now < 95;
      });
      await shot(page, shotName, { axe: true });
    }
    try {
      await page.getByTestId('document-upload-submit').waitFor({ state: 'detached', timeout: 180_000 });
    } catch (err) {
      // What the dialog says (an error code's message, or still checking), for the person reading the failure.
      await shot(page, `documents-upload-failed-${file}`, { axe: false });
      throw err;
    }
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await cdp.detach();
  }

  const row = (page: Page, title: string) => page.locator('[data-testid=document-row]', { hasText: title });

  it('the secretary uploads a .docx (converted to PDF) and a PDF, with the progress bar', async () => {
    const { page } = secretary;
    await signIn(page, 'thuky');
    await page.goto(`/meetings/${meetingId}`);
    await page.getByTestId('documents-panel').waitFor();

    await upload(
      page,
      'Báo cáo tình hình.pdf',
      'Báo cáo tình hình phường',
      'documents-upload-progress-landscape',
    );
    await row(page, 'Báo cáo tình hình phường')
      .locator('[data-testid=document-status][data-status=ready]')
      .waitFor();

    await upload(page, 'Dự thảo nghị quyết.docx', 'Dự thảo Nghị quyết');
    // LibreOffice converts it in the background: "converting", then "ready" with its pages.
    await row(page, 'Dự thảo Nghị quyết')
      .locator('[data-testid=document-status][data-status=ready]')
      .waitFor({ timeout: 240_000 });
    await shot(page, 'documents-list-landscape');
    expectClean(secretary);
  });

  it('a delegate on a portrait tablet reads, zooms and searches without diacritics', async () => {
    const { page } = delegate;
    await signIn(page, 'daibieu03');
    await page.goto(`/meetings/${meetingId}`);
    await row(page, 'Báo cáo tình hình phường').getByTestId('document-read').click();
    const reader = page.getByTestId('document-reader');
    await reader.waitFor();
    await page.locator('[data-testid=reader-page][data-page="1"] [data-drawn=true]').waitFor();
    expect(await reader.getAttribute('data-pages')).toBe('8');
    // Lazy: far pages have no canvas.
    expect(await page.locator('[data-testid=reader-page][data-page="8"] canvas').count()).toBe(0);
    await shot(page, 'documents-reader-portrait');

    await page.getByTestId('reader-search').fill('quy khuyen hoc');
    await page.getByTestId('reader-search').press('Enter');
    const hit = page.getByTestId('reader-search-hit');
    await hit.first().waitFor();
    expect(await hit.count()).toBe(1);
    expect(await hit.first().getAttribute('data-page')).toBe('4');
    await hit.first().click();
    await page.locator('[data-testid=document-reader][data-current-page="4"]').waitFor();
    await page.locator('[data-testid=reader-page][data-page="4"] [data-drawn=true]').waitFor();
    await shot(page, 'documents-reader-search-portrait');

    // With diacritics they must match: the right ones find it, wrong ones ("quý") do not.
    const search = async (query: string) => {
      await page.getByTestId('reader-search').fill(query);
      await page.getByTestId('reader-search').press('Enter');
      await page.locator(`[data-testid=reader-search-results][data-query="${query}"]`).waitFor();
      return page.getByTestId('reader-search-hit').count();
    };
    expect(await search('Quỹ khuyến học')).toBe(1);
    expect(await search('quý khuyến học')).toBe(0);

    await page.getByTestId('reader-close').click();
    expectClean(delegate);
  });

  it('the chair presents in the live room and a second browser follows the page turns', async () => {
    await signIn(chair.page, 'chutri');
    await chair.page.goto(`/meetings/${meetingId}/room`);
    await chair.page.getByTestId('meeting-room').waitFor();
    // Start the session (without quorum: nobody checked in here).
    await chair.page.getByTestId('room-start').click();
    await chair.page.getByTestId('room-start-confirm').click();
    await chair.page.locator('[data-testid=meeting-room][data-live=true]').waitFor();

    const follower = delegate.page;
    await follower.goto(`/meetings/${meetingId}/room`);
    await follower.locator('[data-testid=meeting-room][data-live=true]').waitFor();

    await row(chair.page, 'Báo cáo tình hình phường').getByTestId('document-present').click();
    await chair.page.getByTestId('presenting-badge').waitFor();
    await chair.page.locator('[data-testid=reader-page][data-page="1"] [data-drawn=true]').waitFor();

    // The follower's reader opens by itself at the presenter's page.
    await follower.getByTestId('document-reader').waitFor();
    await follower.locator('[data-testid=reader-page][data-page="1"] [data-drawn=true]').waitFor();

    for (const page of [2, 3]) {
      await chair.page.getByTestId('reader-next-page').click();
      await chair.page.locator(`[data-testid=document-reader][data-current-page="${page}"]`).waitFor();
      await follower.locator(`[data-testid=document-reader][data-current-page="${page}"]`).waitFor();
    }
    await follower.locator('[data-testid=reader-page][data-page="3"] [data-drawn=true]').waitFor();
    await shot(chair.page, 'documents-presenting-landscape');
    await shot(follower, 'documents-following-portrait');

    // Stop following: the presenter goes on, the follower stays; follow again: back with them.
    await follower.getByTestId('presentation-follow').click();
    await chair.page.getByTestId('reader-next-page').click();
    await chair.page.locator('[data-testid=document-reader][data-current-page="4"]').waitFor();
    // The room knows the presenter is on page 4 (the event arrived); the reader stays on 3.
    await follower.locator('[data-testid=presentation-banner][data-page="4"]').waitFor({ state: 'attached' });
    expect(await follower.getByTestId('document-reader').getAttribute('data-current-page')).toBe('3');
    await follower.getByTestId('presentation-follow').click();
    await follower.locator('[data-testid=document-reader][data-current-page="4"]').waitFor();

    await chair.page.getByTestId('presentation-stop').click();
    await chair.page.getByTestId('presentation-start').waitFor();
    expectClean(chair);
    expectClean(delegate);
  });

  it('fits a phone: the list and the reader without sideways scrolling', async () => {
    const phone = await env.openTablet(PHONE);
    await signIn(phone.page, 'daibieu04');
    await phone.page.goto(`/meetings/${meetingId}`);
    await phone.page.getByTestId('documents-panel').scrollIntoViewIfNeeded();
    await shot(phone.page, 'documents-list-phone');
    await row(phone.page, 'Dự thảo Nghị quyết').getByTestId('document-read').click();
    await phone.page.locator('[data-testid=reader-page][data-page="1"] [data-drawn=true]').waitFor();
    await shot(phone.page, 'documents-reader-phone');
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
      true,
    );
    expectClean(phone);
  });
});
