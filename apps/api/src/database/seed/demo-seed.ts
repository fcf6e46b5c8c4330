import { DataSource } from 'typeorm';

/** The demo accounts, printed at start. */
export const DEMO_SIGN_INS: string[] = [
  'admin      — system administrator',
  'chutri     — chair (chủ trì)',
  'thuky      — secretary (thư ký)',
  'daibieu01 … daibieu12 — delegates (đại biểu)',
  'khach      — guest (khách mời)',
];

/** Seeds the demo ward the first time (filled in by the identity work). Returns true when it seeded. */
export async function seedDemo(_dataSource: DataSource, _password: string): Promise<boolean> {
  return false;
}
