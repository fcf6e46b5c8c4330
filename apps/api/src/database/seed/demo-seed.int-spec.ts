import type { User, UserListResponse } from '@phonghop/common';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../../../test/test-app';
import { api, signIn } from '../../../test/identity-helpers';
import { UserEntity } from '../../modules/identity/user.entity';
import { dataSourceOptions } from '../data-source';
import { DEMO_ACCOUNTS, seedDemo } from './demo-seed';

const PASSWORD = 'demo-password-2025';

describe('seedDemo', () => {
  let t: TestApp;
  let secondNode: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'error' } });
    // A second connection pool, as a second API node starting at the same moment would have.
    secondNode = await new DataSource(dataSourceOptions(t.db.url)).initialize();
  });
  afterAll(async () => {
    await secondNode.destroy();
    await t.close();
  });

  it('seeds once even when two nodes start together, and not again later', async () => {
    const results = await Promise.all([seedDemo(t.dataSource, PASSWORD), seedDemo(secondNode, PASSWORD)]);
    expect(results.sort()).toEqual([false, true]);
    expect(await seedDemo(t.dataSource, PASSWORD)).toBe(false);
    expect(await t.dataSource.getRepository(UserEntity).count()).toBe(16);
  });

  it('creates the ward accounts with Vietnamese names, titles and units', async () => {
    const users = await t.dataSource.getRepository(UserEntity).find({ order: { username: 'ASC' } });
    const expected = [
      'admin',
      'chutri',
      ...Array.from({ length: 12 }, (_, i) => `daibieu${String(i + 1).padStart(2, '0')}`),
      'khach',
      'thuky',
    ];
    expect(users.map((u) => u.username)).toEqual(expected);
    expect(users.filter((u) => u.systemRole === 'admin').map((u) => u.username)).toEqual(['admin']);
    for (const u of users) {
      expect(u.active).toBe(true);
      expect(u.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
      expect(u.fullName).toBe(u.fullName.normalize('NFC'));
      expect(u.title).not.toBe('');
      expect(u.unit).not.toBe('');
    }
    const byName = new Map(users.map((u) => [u.username, u]));
    expect(byName.get('chutri')?.title).toBe('Bí thư Đảng ủy phường');
    expect(byName.get('thuky')?.title).toContain('Chánh Văn phòng');
    const units = users.map((u) => u.unit).join(' | ');
    for (const ward of ['Định Trung', 'Liên Bảo', 'Khai Quang', 'Đống Đa', 'Ngô Quyền'])
      expect(units).toContain(ward);
    // One hash shared by all: hashed once.
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(1);
    expect(users[0].passwordHash).toMatch(/^\$argon2id\$/);
    expect(DEMO_ACCOUNTS).toHaveLength(16);
  });

  it('lets the demo people sign in with the demo password', async () => {
    const admin = await signIn(t.url, 'admin', PASSWORD);
    expect(admin.user.systemRole).toBe('admin');
    const list = await api<UserListResponse>(t.url, '/users', { token: admin.accessToken });
    expect(list.body.items).toHaveLength(16);

    for (const username of ['chutri', 'thuky', 'daibieu01', 'daibieu12', 'khach']) {
      const s = await signIn(t.url, username, PASSWORD);
      expect(s.user).toMatchObject<Partial<User>>({ username, systemRole: 'member', active: true });
    }
    const wrong = await api(t.url, '/auth/login', {
      method: 'POST',
      body: { username: 'admin', password: 'vinhphuc2025' },
    });
    expect(wrong.status).toBe(401);
  });
});
