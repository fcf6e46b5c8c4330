import 'reflect-metadata';
import { UsernameSchema } from '@phonghop/common';
import { Client } from 'pg';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { runMigrations } from '../database/data-source';
import { hashPassword } from '../modules/identity/password.service';
import { adminPasswordProblem } from './password-strength';

/**
 * `npm run admin:create -- <username> [--full-name "Nguyễn Văn A"]`: creates a system administrator
 * on the database of DATABASE_URL — the first account of a production install, where the demo
 * seed does not run. The password is asked on the terminal (twice, not echoed); when stdin is not
 * a terminal (a script, the tests) its first line is the password. Weak passwords are refused
 * with the reason. Pending migrations are run first (as the server would at start).
 *
 * Exit codes: 0 created; 1 refused (weak password, username taken, passwords differ); 2 usage or
 * database errors.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const nameAt = args.indexOf('--full-name');
  const fullName = nameAt >= 0 ? args[nameAt + 1] : undefined;
  const positional = args.filter((a, i) => !a.startsWith('--') && !(nameAt >= 0 && i === nameAt + 1));
  const username = positional[0];
  if (!username || positional.length > 1 || (nameAt >= 0 && !fullName)) {
    console.error('usage: npm run admin:create -- <username> [--full-name "Nguyễn Văn A"]');
    return 2;
  }
  const parsedName = UsernameSchema.safeParse(username);
  if (!parsedName.success) {
    console.error(
      `Tên đăng nhập không hợp lệ "${username}": 3–64 ký tự, chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới. / Invalid username.`,
    );
    return 2;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      'Chưa đặt DATABASE_URL: lệnh này tạo quản trị viên trên cơ sở dữ liệu của môi trường thật (bản chạy thử đã có tài khoản admin). / DATABASE_URL is not set.',
    );
    return 2;
  }

  const password = await readPassword();
  if (password === null) {
    console.error(
      'Hai lần nhập mật khẩu không khớp: hãy chạy lại lệnh. / The two passwords differ: run it again.',
    );
    return 1;
  }
  const problem = adminPasswordProblem(password, username);
  if (problem) {
    console.error(`Mật khẩu bị từ chối. ${problem}`);
    return 1;
  }

  await runMigrations(url);
  const client = new Client({ connectionString: url, application_name: 'phonghop-admin-create' });
  await client.connect();
  try {
    const passwordHash = await hashPassword(password);
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO users (username, password_hash, full_name, system_role, can_organise, active)
       VALUES ($1, $2, $3, 'admin', true, true)
       ON CONFLICT (username) DO NOTHING
       RETURNING id`,
      [username, passwordHash, fullName ?? username],
    );
    if (inserted.rowCount === 0) {
      console.error(
        `Tên đăng nhập "${username}" đã có: hãy chọn tên khác (đổi mật khẩu của tài khoản đó trong trang Quản trị). / The username is taken.`,
      );
      return 1;
    }
    console.log(`Đã tạo quản trị viên "${username}" (${inserted.rows[0].id}). / Admin created.`);
    return 0;
  } finally {
    await client.end();
  }
}

/** The password: asked twice without echo on a terminal (null when they differ), else stdin's first line. */
async function readPassword(): Promise<string | null> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  const first = await askHidden('Mật khẩu / Password: ');
  const second = await askHidden('Nhập lại / Again: ');
  return first === second ? first : null;
}

function askHidden(prompt: string): Promise<string> {
  // Output goes through a muted stream: the prompt is written, the typed characters are not.
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk as Buffer);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`Không tạo được quản trị viên: ${err.message} / Failed.`);
    process.exit(2);
  },
);
