import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface ProcessOutcome {
  /** Exit code; null when killed. */
  code: number | null;
  /** Killed for running past the time limit. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** The binary could not be started (not installed). */
  missing: boolean;
}

const PRLIMIT = '/usr/bin/prlimit';
const OUTPUT_LIMIT = 64 * 1024;

/**
 * Runs a helper program (qpdf, LibreOffice) on an untrusted file with a time limit and, where
 * util-linux's prlimit exists, a cap on its address space: a hostile file may make it loop or
 * allocate, and then it is killed (its whole process group) instead of taking the node down.
 */
export function runLimited(
  command: string,
  args: string[],
  options: { timeoutMs: number; memoryBytes?: number; env?: NodeJS.ProcessEnv; cwd?: string },
): Promise<ProcessOutcome> {
  const limited = options.memoryBytes !== undefined && existsSync(PRLIMIT);
  const [bin, argv] = limited
    ? [PRLIMIT, [`--as=${options.memoryBytes}`, '--', command, ...args]]
    : [command, args];
  return new Promise((resolve) => {
    const child = spawn(bin, argv, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a timeout kills LibreOffice's helper processes too.
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let settled = false;
    child.stdout.on('data', (d: Buffer) => {
      if (stdout.length < OUTPUT_LIMIT) stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < OUTPUT_LIMIT) stderr += d.toString('utf8');
    });
    const kill = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    const done = (outcome: Omit<ProcessOutcome, 'stdout' | 'stderr' | 'timedOut'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, stdout, stderr, timedOut });
    };
    child.on('error', (err: NodeJS.ErrnoException) => done({ code: null, missing: err.code === 'ENOENT' }));
    child.on('close', (code) => {
      // prlimit exits 127 (or reports ENOENT on stderr) when the program is not installed.
      const missing = limited && code === 127 && /No such file|not found|failed to execute/i.test(stderr);
      // Whatever the main process left running in its group goes with it.
      kill();
      done({ code, missing });
    });
  });
}
