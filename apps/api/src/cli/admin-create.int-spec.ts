import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../test/test-database';
import { verifyPassword } from '../modules/identity/password.service';

/** The built CLI, as `npm run admin:create` runs it (the e2e/start-up tests build first too). */
const CLI = path.resolve(__dirname, '../../dist/cli/admin-create.js');

/** Runs the CLI with the password piped on stdin; resolves with its exit code and output. */
function adminCreate(
  args: string[],
  stdin: string,
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}

describe('npm run admin:create', () => {
  let db: TestDatabase;
  const strong = 'Khai-Quang#Đống-Đa7';
  const users = async () => {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      return (
        await c.query<{ username: string; full_name: string; system_role: string; password_hash: string }>(
          "SELECT username, full_name, system_role, password_hash FROM users WHERE username LIKE 'quantri%'",
        )
      ).rows;
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('creates an administrator with the piped password, hashed', async () => {
    const run = await adminCreate(['quantri', '--full-name', 'Nguyễn Văn Quản'], `${strong}\n`, {
      DATABASE_URL: db.url,
    });
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('Đã tạo quản trị viên "quantri"');
    const [row] = await users();
    expect(row).toMatchObject({ username: 'quantri', full_name: 'Nguyễn Văn Quản', system_role: 'admin' });
    expect(row.password_hash).not.toContain(strong);
    expect(await verifyPassword(row.password_hash, strong)).toBe(true);
  }, 60_000);

  it('refuses a weak password with the reason, and creates nothing', async () => {
    const run = await adminCreate(['quantri2'], 'matkhau123\n', { DATABASE_URL: db.url });
    expect(run.code).toBe(1);
    expect(run.err).toContain('Mật khẩu bị từ chối');
    expect(run.err).toContain('quá ngắn');
    expect((await users()).map((u) => u.username)).toEqual(['quantri']);
  }, 60_000);

  it('refuses a username that is taken, and leaves its password alone', async () => {
    const run = await adminCreate(['quantri'], 'Một-mật-khẩu-khác#2026\n', { DATABASE_URL: db.url });
    expect(run.code).toBe(1);
    expect(run.err).toContain('đã có');
    const [row] = await users();
    expect(await verifyPassword(row.password_hash, strong)).toBe(true);
  }, 60_000);

  it('says what is missing: the username, a valid one, DATABASE_URL', async () => {
    expect((await adminCreate([], '', { DATABASE_URL: db.url })).code).toBe(2);
    const bad = await adminCreate(['Quản Trị'], `${strong}\n`, { DATABASE_URL: db.url });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Tên đăng nhập không hợp lệ');
    const noDb = await adminCreate(['quantri3'], `${strong}\n`, {});
    expect(noDb.code).toBe(2);
    expect(noDb.err).toContain('DATABASE_URL');
  }, 60_000);
});
