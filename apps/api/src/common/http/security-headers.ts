import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { AppConfig } from '../../config/env';

/**
 * The socket's origin for `connect-src`: browsers differ on whether 'self' covers ws(s): of the
 * same host, so it is named. From PUBLIC_URL when set; otherwise from the request's host (a forged
 * Host header only changes the policy of the forger's own response).
 */
function socketOrigin(config: AppConfig) {
  return (req: IncomingMessage): string => {
    if (config.PUBLIC_URL) {
      const url = new URL(config.PUBLIC_URL);
      return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
    }
    const host = (req.headers.host ?? '').replace(/[^A-Za-z0-9.:[\]-]/g, '');
    const secure = (req as IncomingMessage & { secure?: boolean }).secure === true;
    return host ? `${secure ? 'wss:' : 'ws:'}//${host}` : "'self'";
  };
}

/**
 * Security headers for everything the one process serves. The policy is what the built web app
 * needs and no more: its own scripts only (no inline script), styles of its own plus the inline
 * `style` attributes and `<style>` tags Mantine sets at run time, images and fonts bundled
 * (data: for the small ones Vite inlines), connections to itself and its socket, no framing.
 * No `upgrade-insecure-requests`: a ward's LAN install on plain http must keep working.
 */
export function securityHeaders(config: AppConfig) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // 'wasm-unsafe-eval': the document reader's image decoders (pdf.js, JPEG 2000 / JBIG2) are WebAssembly; it allows compiling wasm only, never JS eval (issue 10, docs-web)
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", socketOrigin(config)],
        mediaSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    // Browsers ignore HSTS received over plain http, so a LAN install on http is not affected.
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
  }) as (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
}
