import 'reflect-metadata';
import { apiDocsMode } from './common/http/api-docs';
import { DEMO_SIGN_INS } from './database/seed/demo-seed';
import { start } from './start';
import { StartupError } from './startup-error';

/** `npm start`: start everything, then print the banner — the last thing on the console at start. */
async function main(): Promise<void> {
  const server = await start(process.env, (line) => console.log(line));
  const { config } = server;
  const url = `http://localhost:${config.PORT}`;
  const docs = apiDocsMode(config);
  const docsNote =
    docs === 'off' ? 'docs off (API_DOCS)' : `docs ${url}/api/docs${docs === 'auth' ? ' (admins)' : ''}`;
  const lines = ['', `Phòng họp thông minh is running at ${url}  (API ${url}/api/v1, ${docsNote})`];
  if (config.SEED_DEMO) {
    lines.push(
      `${server.seeded ? 'Seeded' : 'Demo'} ward "Phường Vĩnh Phúc" — sign in with password "${config.DEMO_PASSWORD}":`,
      ...DEMO_SIGN_INS.map((line) => `  ${line}`),
    );
  }
  lines.push('Ctrl-C stops the server and the database.', '');
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, stopping …`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await server.stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof StartupError) {
    // The cause and the fix, nothing else: a stack trace would push them off the screen.
    console.error(`\nPhòng họp thông minh could not start.\n${err.message}\n`);
    process.exit(err.exitCode);
  }
  console.error('Phòng họp thông minh could not start:', err ?? 'no reason given');
  process.exit(1);
});
