import { DocumentStorageService } from '../apps/api/src/modules/documents/document-storage.service';
import { samplePdf } from '../apps/api/src/modules/document-copies/stamp/sample-pdf';
import { seedDocument } from '../apps/api/src/modules/document-copies/testing/seed-document';
import { signIn as apiSignIn } from '../apps/api/test/identity-helpers';
import { DEMO_PASSWORD, PHONE, shot, startE2eEnv, type E2eEnv, type Tablet } from './support/e2e-env';
import { signIn } from './support/sign-in';

jest.setTimeout(180_000);

const AT = '2026-07-01T08:30:00+07:00';

/**
 * The admin's leak-trace page in Chromium: a delegate of the demo meeting downloads a stamped copy;
 * the admin finds the page in the navigation, uploads the file and sees the delegate named; then,
 * on a phone, types the code as read off a photo (lower case, with its dash) and gets the same.
 */
describe('leak trace page (web, e2e)', () => {
  let env: E2eEnv;
  let admin: Tablet;
  let copy: Buffer;
  let code = '';

  beforeAll(async () => {
    env = await startE2eEnv({ at: AT });
    const [meeting] = await env.app.dataSource.query(
      `SELECT id FROM meetings WHERE status = 'scheduled' LIMIT 1`,
    );
    const [secretary] = await env.app.dataSource.query(`SELECT id FROM users WHERE username = 'thuky'`);
    const delegate = await apiSignIn(env.app.url, 'daibieu01', DEMO_PASSWORD);
    const doc = await seedDocument(env.app.dataSource, env.app.app.get(DocumentStorageService), {
      meetingId: meeting.id,
      createdById: secretary.id,
      title: 'Dự thảo Nghị quyết về nhân sự',
      accessLevel: 'named',
      readerIds: [delegate.user.id],
      pdf: await samplePdf(2),
      pageCount: 2,
    });
    const res = await fetch(
      `${env.app.url}/api/v1/meetings/${meeting.id}/documents/${doc.documentId}/versions/${doc.versionId}/download`,
      { headers: { authorization: `Bearer ${delegate.accessToken}` } },
    );
    expect(res.status).toBe(200);
    copy = Buffer.from(await res.arrayBuffer());
    const [row] = await env.app.dataSource.query('SELECT code FROM document_copies WHERE reader_id = $1', [
      delegate.user.id,
    ]);
    code = row.code;
    admin = await env.openTablet();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('names the reader of an uploaded leaked file', async () => {
    await signIn(admin.page, 'admin');
    await admin.page.getByTestId('nav-leak-trace').click();
    await admin.page.getByRole('heading', { name: 'Truy vết bản sao bị lộ' }).waitFor();
    await shot(admin.page, 'leak-trace-empty-tablet');
    await admin.page.locator('input[type=file]').setInputFiles({
      name: 'ro-ri.pdf',
      mimeType: 'application/pdf',
      buffer: copy,
    });
    await admin.page.getByTestId('leak-trace-file').click();
    await admin.page.getByTestId('leak-verdict-identified').waitFor();
    const card = admin.page.getByTestId('leak-copy');
    await expect(card.textContent()).resolves.toContain('Dự thảo Nghị quyết về nhân sự');
    await expect(card.textContent()).resolves.toContain('daibieu01');
    await expect(card.textContent()).resolves.toContain(`${code.slice(0, 4)}-${code.slice(4)}`);
    await expect(card.textContent()).resolves.toContain('tải về');
    await shot(admin.page, 'leak-trace-file-tablet');
  });

  it('traces a typed code on a phone, and explains a typo', async () => {
    await admin.page.setViewportSize(PHONE);
    await admin.page.getByTestId('leak-code').fill('k4mx-0000');
    await admin.page.getByTestId('leak-trace-code').click();
    await admin.page.getByTestId('leak-error').waitFor();
    await expect(admin.page.getByTestId('leak-error').textContent()).resolves.toContain(
      'Mã bản sao không hợp lệ',
    );
    await admin.page.getByTestId('leak-code').fill(`${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase());
    await admin.page.getByTestId('leak-trace-code').click();
    await admin.page.getByTestId('leak-verdict-identified').waitFor();
    const width = await admin.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await shot(admin.page, 'leak-trace-code-phone');
    // The one console line is Chromium reporting the typo's 400 answer, which the page explained.
    expect(admin.errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
    expect(admin.externalRequests).toEqual([]);
  });
});
