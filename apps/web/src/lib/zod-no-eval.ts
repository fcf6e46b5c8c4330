import { z } from 'zod';

/*
 * zod probes `new Function` (when a schema is built) to compile faster parsers. The server's
 * Content-Security-Policy forbids eval, so the probe is refused and reported as a violation. Parse
 * without it; imported first by main.tsx, before any schema exists.
 */
z.config({ jitless: true });
