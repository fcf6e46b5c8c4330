import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, PDFName } from 'pdf-lib';

/**
 * What a leaker does to a copy before passing it on, for the tests and the docs' table of what
 * survives what: strip the metadata, let qpdf rewrite the file, extract the pages.
 */
const run = promisify(execFile);

/** Removes the document information dictionary and the XMP metadata stream, then re-saves. */
export async function stripMetadata(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.context.trailerInfo.Info = undefined;
  doc.catalog.delete(PDFName.of('Metadata'));
  return doc.save({ useObjectStreams: false });
}

/** `qpdf <args> in.pdf out.pdf` (or `qpdf --empty --pages in.pdf -- out.pdf` with `pages`). */
export async function qpdf(pdf: Uint8Array, args: string[], pages = false): Promise<Uint8Array> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'qpdf-'));
  try {
    const input = path.join(dir, 'in.pdf');
    const output = path.join(dir, 'out.pdf');
    await fs.writeFile(input, pdf);
    const argv = pages ? [...args, '--empty', '--pages', input, '--', output] : [...args, input, output];
    await run('qpdf', argv);
    return new Uint8Array(await fs.readFile(output));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The text poppler's `pdftotext` reads from one page. */
export async function pdfText(pdf: Uint8Array, page: number): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pdftotext-'));
  try {
    const input = path.join(dir, 'in.pdf');
    await fs.writeFile(input, pdf);
    const { stdout } = await run('pdftotext', [
      '-f',
      String(page),
      '-l',
      String(page),
      '-enc',
      'UTF-8',
      input,
      '-',
    ]);
    return stdout;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** `pdftocairo -pdf`: the file drawn again through cairo, as "print to PDF" does (content streams rewritten). */
export async function pdftocairo(pdf: Uint8Array): Promise<Uint8Array> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pdftocairo-'));
  try {
    const input = path.join(dir, 'in.pdf');
    const output = path.join(dir, 'out.pdf');
    await fs.writeFile(input, pdf);
    await run('pdftocairo', ['-pdf', input, output]);
    return new Uint8Array(await fs.readFile(output));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
