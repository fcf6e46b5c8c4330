import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipOf } from '../../../test/documents-kit';
import { BoundedQueue } from './bounded-queue';
import { sniffFile } from './file-sniffer';

describe('sniffFile: the type from the bytes', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'phonghop-sniff-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sniff = (bytes: Buffer) => {
    const file = path.join(dir, 'x');
    writeFileSync(file, bytes);
    return sniffFile(file, bytes.length).then(
      (r) => r.kind,
      (err: { code?: string }) => err.code,
    );
  };

  it.each([
    [
      'an OpenDocument text',
      zipOf('mimetype', Buffer.from('application/vnd.oasis.opendocument.text')),
      'odt',
    ],
    [
      'an OpenDocument spreadsheet',
      zipOf('mimetype', Buffer.from('application/vnd.oasis.opendocument.spreadsheet')),
      'ods',
    ],
    [
      'an OpenDocument presentation',
      zipOf('mimetype', Buffer.from('application/vnd.oasis.opendocument.presentation')),
      'odp',
    ],
    ['a ZIP of something else', zipOf('readme.txt', Buffer.from('xin chào')), 'DOCUMENT_TYPE_UNSUPPORTED'],
    [
      'a ZIP with a file glued after it',
      Buffer.concat([
        zipOf('mimetype', Buffer.from('application/vnd.oasis.opendocument.text')),
        Buffer.from('MZ'),
      ]),
      'DOCUMENT_POLYGLOT',
    ],
    ['a PDF', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n'), 'pdf'],
    [
      'a PDF with HTML in its head',
      Buffer.from('%PDF-1.7\n<html><script>alert(1)</script>\n%%EOF\n'),
      'DOCUMENT_POLYGLOT',
    ],
    ['a PDF cut before its end', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\n'), 'DOCUMENT_DAMAGED'],
    ['a PDF header late in an HTML file', Buffer.from('<html>\n%PDF-1.4\n%%EOF'), 'DOCUMENT_POLYGLOT'],
    ['an empty file', Buffer.alloc(0), 'DOCUMENT_TYPE_UNSUPPORTED'],
  ])('%s', async (_label, bytes, expected) => {
    expect(await sniff(bytes)).toBe(expected);
  });
});

describe('BoundedQueue', () => {
  it('runs at most `concurrency` jobs at once, in order, and refuses beyond the waiting room', async () => {
    const queue = new BoundedQueue(2, 1);
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const job = () =>
      queue.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((r) => releases.push(r));
        running--;
      });
    const a = job();
    const b = job();
    const c = job();
    await expect(job()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(queue.size).toEqual({ running: 2, waiting: 1 });
    releases.shift()!();
    await a;
    await new Promise((r) => setImmediate(r));
    expect(queue.size).toEqual({ running: 2, waiting: 0 });
    releases.splice(0).forEach((r) => r());
    await b;
    await new Promise((r) => setImmediate(r));
    releases.splice(0).forEach((r) => r());
    await c;
    expect(peak).toBe(2);
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });
});
