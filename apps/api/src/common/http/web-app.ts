import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import fs from 'node:fs';
import path from 'node:path';

/** Paths the web app never answers: the API and the socket. */
const NOT_WEB = /^\/(api|socket\.io)(\/|$)/;

/**
 * Serves the built web app: its files, and index.html for any other GET outside /api and
 * /socket.io (client-side routes). No error handler of its own (serve-static's turned every API
 * error into a 404), and nothing is served when the build is missing.
 */
export function serveWebApp(app: INestApplication, distDir: string): boolean {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) return false;
  app.use(
    express.static(distDir, {
      index: false,
      setHeaders: (res, file) => {
        // Vite names built assets by content hash: they never change under one name.
        if (file.includes(`${path.sep}assets${path.sep}`))
          res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_WEB.test(req.path)) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
