import busboy from 'busboy';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import { DOCUMENT_FILE_FIELD } from '@phonghop/common';
import { AppException } from '../../common/errors/app-exception';

/** Room for the multipart framing and the text fields around the file, in a Content-Length. */
export const FORM_OVERHEAD_BYTES = 256 * 1024;
const MAX_FIELD_BYTES = 64 * 1024;
const MAX_FIELDS = 20;

export interface ReceivedFile {
  /** The temp file holding the bytes (inside `dir`, removed by `discard`). */
  path: string;
  dir: string;
  size: number;
  /** Hex SHA-256, computed while the bytes streamed in. */
  sha256: string;
  /** The name as the client sent it (not yet checked). */
  name: string;
}

export interface ReceivedUpload {
  fields: Record<string, string>;
  file: ReceivedFile;
}

/** Refuses before reading a byte when the declared length alone is over the limit. */
export function refuseDeclaredOversize(req: Request, maxBytes: number): void {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + FORM_OVERHEAD_BYTES) {
    throw new AppException('DOCUMENT_TOO_LARGE');
  }
}

/**
 * Streams a multipart/form-data upload to a temp file (busboy): the text fields first, then
 * `beforeFile(fields)` — which checks them (and may refuse) before the file's bytes are taken —
 * then the one `file` part, hashed on the way to disk. Never more than a chunk in memory.
 * Refusals: more than `maxBytes` of file → DOCUMENT_TOO_LARGE (cut off mid-stream); the client
 * stopped half-way or sent no file → DOCUMENT_UPLOAD_INCOMPLETE. On any refusal the temp file is
 * already gone.
 */
export async function receiveUpload(
  req: Request,
  options: { maxBytes: number; beforeFile: (fields: Record<string, string>) => Promise<void> },
): Promise<ReceivedUpload> {
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    throw new AppException('VALIDATION_FAILED', undefined, [
      { path: 'body', message: 'must be multipart/form-data with the file in the part "file"' },
    ]);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'phonghop-upload-'));
  try {
    const file = await parse(req, dir, options);
    return { fields: file.fields, file: file.file };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Removes an upload's temp files. */
export async function discard(file: ReceivedFile): Promise<void> {
  await rm(file.dir, { recursive: true, force: true });
}

function parse(
  req: Request,
  dir: string,
  options: { maxBytes: number; beforeFile: (fields: Record<string, string>) => Promise<void> },
): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Keep what the client sent, path included: a name with a path is refused, not trimmed silently.
        preservePath: true,
        defParamCharset: 'utf8',
        limits: {
          files: 1,
          // One byte more than allowed, so that a file of exactly maxBytes is never cut (our own
          // count below refuses the first byte over; busboy's limit is the backstop).
          fileSize: options.maxBytes + 1,
          fields: MAX_FIELDS,
          fieldSize: MAX_FIELD_BYTES,
          parts: MAX_FIELDS + 1,
        },
      });
    } catch {
      reject(
        new AppException('VALIDATION_FAILED', undefined, [
          { path: 'body', message: 'multipart boundary missing' },
        ]),
      );
      return;
    }
    const fields: Record<string, string> = {};
    let fileJob: Promise<ReceivedFile> | null = null;
    let fileStream: (NodeJS.ReadableStream & { destroy(error?: Error): void }) | null = null;
    let failed: AppException | null = null;
    let settled = false;

    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      failed = err instanceof AppException ? err : new AppException('DOCUMENT_UPLOAD_INCOMPLETE');
      req.unpipe(parser);
      fileStream?.destroy();
      // Stop reading the client: the answer goes out with Connection: close (see the controller).
      req.resume();
      // Wait for the file writer to let go of the temp file before the caller removes it.
      void (fileJob ?? Promise.resolve()).catch(() => undefined).finally(() => reject(failed));
    };

    parser.on('field', (name, value, info) => {
      if (fileJob) return fail(fieldAfterFile());
      if (info.valueTruncated) {
        return fail(new AppException('VALIDATION_FAILED', undefined, [{ path: name, message: 'too long' }]));
      }
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== DOCUMENT_FILE_FIELD || fileJob) {
        stream.resume();
        return fail(
          new AppException('VALIDATION_FAILED', undefined, [
            { path: name, message: `one file, in the part "${DOCUMENT_FILE_FIELD}"` },
          ]),
        );
      }
      fileStream = stream;
      fileJob = (async () => {
        stream.pause();
        await options.beforeFile({ ...fields });
        const hash = createHash('sha256');
        let size = 0;
        let tooLarge = false;
        stream.on('limit', () => {
          tooLarge = true;
          stream.destroy(new AppException('DOCUMENT_TOO_LARGE'));
        });
        const target = path.join(dir, 'original');
        await pipeline(
          stream,
          new Transform({
            transform(chunk: Buffer, _enc, done) {
              size += chunk.length;
              if (size > options.maxBytes) {
                tooLarge = true;
                return done(new AppException('DOCUMENT_TOO_LARGE'));
              }
              hash.update(chunk);
              done(null, chunk);
            },
          }),
          createWriteStream(target),
        );
        if (tooLarge || stream.truncated) throw new AppException('DOCUMENT_TOO_LARGE');
        return { path: target, dir, size, sha256: hash.digest('hex'), name: info.filename ?? '' };
      })();
      fileJob.catch((err: unknown) => fail(err));
    });
    parser.on('filesLimit', () => fail(new AppException('VALIDATION_FAILED')));
    parser.on('fieldsLimit', () => fail(new AppException('VALIDATION_FAILED')));
    parser.on('partsLimit', () => fail(new AppException('VALIDATION_FAILED')));
    // "Unexpected end of form" and friends: the body stopped before its end.
    parser.on('error', (err) => fail(err));
    parser.on('close', () => {
      if (settled) return;
      if (!fileJob) return fail(new AppException('DOCUMENT_UPLOAD_INCOMPLETE'));
      fileJob.then(
        (file) => {
          if (settled) return;
          settled = true;
          resolve({ fields, file });
        },
        (err: unknown) => fail(err),
      );
    });
    // The client went away before the body ended.
    req.on('aborted', () => fail(new AppException('DOCUMENT_UPLOAD_INCOMPLETE')));
    req.on('close', () => {
      if (!req.complete) fail(new AppException('DOCUMENT_UPLOAD_INCOMPLETE'));
    });
    req.pipe(parser);
  });
}

function fieldAfterFile(): AppException {
  return new AppException('VALIDATION_FAILED', undefined, [
    { path: 'body', message: `text fields must come before the part "${DOCUMENT_FILE_FIELD}"` },
  ]);
}
