/**
 * A failure at start that names its cause and the fix (which port, which variable, which folder).
 * `main.ts` prints the message alone — no stack trace, never `undefined` — and exits with `exitCode`.
 */
export class StartupError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/** Any thrown value as one readable line (a rejected promise may carry `undefined` or a string). */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  if (err === undefined || err === null) return 'no reason given';
  return String(err);
}

/** Runs one start-up step; any failure that is not already a StartupError is wrapped in `explain`. */
export async function startupStep<T>(explain: (err: unknown) => string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (err instanceof StartupError) throw err;
    throw new StartupError(explain(err), 1, { cause: err });
  }
}
