import type { SystemRole } from '@phonghop/common';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../modules/identity/password.service';
import { UserEntity } from '../../modules/identity/user.entity';
import { seedDemoMeeting } from './demo-meeting';

/** The demo accounts, printed at start. */
export const DEMO_SIGN_INS: string[] = [
  'admin      — system administrator',
  'chutri     — chair (chủ trì)',
  'thuky      — secretary (thư ký)',
  'daibieu01 … daibieu12 — delegates (đại biểu)',
  'khach      — guest (khách mời)',
];

export interface DemoAccount {
  username: string;
  fullName: string;
  title: string;
  unit: string;
  systemRole: SystemRole;
  /** May create and prepare meetings (the ward office's secretary). */
  canOrganise?: boolean;
}

const WARD = 'phường Vĩnh Phúc';

/**
 * The demo ward "Phường Vĩnh Phúc", formed on 1 July 2025 from the wards Định Trung, Liên Bảo,
 * Khai Quang, Đống Đa and Ngô Quyền. The people are invented; titles and units follow a ward's
 * Party committee, People's Council and People's Committee after the 2025 reorganisation.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    fullName: 'Phan Minh Tuấn',
    title: 'Chuyên viên Công nghệ thông tin, quản trị hệ thống',
    unit: `Văn phòng HĐND và UBND ${WARD}`,
    systemRole: 'admin',
  },
  {
    username: 'chutri',
    fullName: 'Nguyễn Quang Trung',
    title: 'Bí thư Đảng ủy phường',
    unit: `Đảng ủy ${WARD}`,
    systemRole: 'member',
  },
  {
    username: 'thuky',
    fullName: 'Trần Thị Thu Hằng',
    title: 'Chánh Văn phòng Đảng ủy phường',
    unit: `Văn phòng Đảng ủy ${WARD}`,
    systemRole: 'member',
    canOrganise: true,
  },
  {
    username: 'daibieu01',
    fullName: 'Lê Văn Thắng',
    title: 'Phó Bí thư Thường trực Đảng ủy, Chủ tịch HĐND phường',
    unit: `Hội đồng nhân dân ${WARD}`,
    systemRole: 'member',
  },
  {
    username: 'daibieu02',
    fullName: 'Hoàng Thị Lan Anh',
    title: 'Phó Bí thư Đảng ủy, Chủ tịch UBND phường',
    unit: `Ủy ban nhân dân ${WARD}`,
    systemRole: 'member',
  },
  {
    username: 'daibieu03',
    fullName: 'Phạm Đức Mạnh',
    title: 'Phó Chủ tịch UBND phường',
    unit: `Ủy ban nhân dân ${WARD}`,
    systemRole: 'member',
  },
  {
    username: 'daibieu04',
    fullName: 'Đỗ Thị Hồng Nhung',
    title: 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam phường',
    unit: `Ủy ban MTTQ Việt Nam ${WARD}`,
    systemRole: 'member',
  },
  {
    username: 'daibieu05',
    fullName: 'Vũ Minh Quân',
    title: 'Trưởng phòng Kinh tế, Hạ tầng và Đô thị',
    unit: 'Phòng Kinh tế, Hạ tầng và Đô thị',
    systemRole: 'member',
  },
  {
    username: 'daibieu06',
    fullName: 'Bùi Thị Thanh Hương',
    title: 'Trưởng phòng Văn hóa – Xã hội',
    unit: 'Phòng Văn hóa – Xã hội',
    systemRole: 'member',
  },
  {
    username: 'daibieu07',
    fullName: 'Tạ Thị Bích Ngọc',
    title: 'Chủ nhiệm Ủy ban Kiểm tra Đảng ủy phường',
    unit: `Ủy ban Kiểm tra Đảng ủy ${WARD}`,
    systemRole: 'member',
  },
  {
    username: 'daibieu08',
    fullName: 'Ngô Văn Long',
    title: 'Bí thư Chi bộ',
    unit: 'Chi bộ Tổ dân phố số 3, khu vực Định Trung',
    systemRole: 'member',
  },
  {
    username: 'daibieu09',
    fullName: 'Đặng Thị Mai',
    title: 'Bí thư Chi bộ',
    unit: 'Chi bộ Tổ dân phố Đồi Cao, khu vực Liên Bảo',
    systemRole: 'member',
  },
  {
    username: 'daibieu10',
    fullName: 'Trịnh Văn Dũng',
    title: 'Bí thư Chi bộ',
    unit: 'Chi bộ Tổ dân phố Khai Quang 2, khu vực Khai Quang',
    systemRole: 'member',
  },
  {
    username: 'daibieu11',
    fullName: 'Lý Thị Ngọc Ánh',
    title: 'Bí thư Chi bộ, Tổ trưởng Tổ dân phố',
    unit: 'Chi bộ Tổ dân phố số 5, khu vực Đống Đa',
    systemRole: 'member',
  },
  {
    username: 'daibieu12',
    fullName: 'Dương Quang Huy',
    title: 'Bí thư Chi bộ',
    unit: 'Chi bộ Tổ dân phố số 1, khu vực Ngô Quyền',
    systemRole: 'member',
  },
  {
    username: 'khach',
    fullName: 'Phùng Văn Tài',
    title: 'Giám đốc',
    unit: 'Công ty TNHH Cơ khí chính xác Khai Quang (Khu công nghiệp Khai Quang)',
    systemRole: 'member',
  },
];

/** Serialises seeding across API nodes that start at the same moment (held until the transaction ends). */
const SEED_LOCK_KEY = 724_2026;

/**
 * Seeds the demo ward the first time, i.e. when no user `admin` exists; returns true when it
 * seeded. Everything happens in one transaction under an advisory lock, so two nodes starting
 * together seed once, and a crash half-way leaves nothing behind.
 */
export async function seedDemo(dataSource: DataSource, password: string, now = new Date()): Promise<boolean> {
  const users = dataSource.getRepository(UserEntity);
  if (await users.exists({ where: { username: 'admin' } })) return false;

  // One argon2 hash for all demo accounts: they share the password, and hashing 16 times is slow.
  const passwordHash = await hashPassword(password);
  const seeded = await dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    if (await manager.getRepository(UserEntity).exists({ where: { username: 'admin' } })) return false;
    await manager
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(
        DEMO_ACCOUNTS.map((a) => ({
          ...a,
          canOrganise: a.canOrganise ?? false,
          passwordHash,
          active: true,
          email: null,
          phone: null,
        })),
      )
      // An account an admin already made by hand under a demo name is kept as it is.
      .orIgnore()
      .execute();
    return true;
  });
  // The ward's demo meeting (issue 3), through the meeting command service so it has an event log.
  if (seeded) await seedDemoMeeting(dataSource, now);
  return seeded;
}
