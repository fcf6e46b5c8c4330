import { Injectable } from '@nestjs/common';

/**
 * A least-recently-used map of promises, bounded by the bytes of what they resolved to. A value
 * that is being made is shared by the requests that wait for it; a failed one is forgotten.
 */
export class BytesLru<T> {
  private readonly entries = new Map<string, Promise<T>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;

  constructor(
    /** The bound on the cached values' bytes (a unit test lowers it). */
    public maxBytes: number,
    private readonly sizeOf: (value: T) => number,
  ) {}

  /** The cached value, or `make()`'s (cached when it succeeds). */
  get(key: string, make: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const made = make();
    this.entries.set(key, made);
    made.then(
      (value) => {
        if (this.entries.get(key) !== made) return;
        const size = this.sizeOf(value);
        this.sizes.set(key, size);
        this.bytes += size;
        this.evict(key);
      },
      () => {
        if (this.entries.get(key) === made) this.entries.delete(key);
      },
    );
    return made;
  }

  /** Puts a value just made in, for the requests that follow. */
  put(key: string, value: T): void {
    this.get(key, () => Promise.resolve(value)).catch(() => undefined);
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(keep: string): void {
    for (const key of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      if (key === keep) continue;
      const size = this.sizes.get(key);
      if (size === undefined) continue; // still being made
      this.entries.delete(key);
      this.sizes.delete(key);
      this.bytes -= size;
    }
  }
}

/** A stamped copy held for its reader: the bytes and their strong validator. */
export interface CachedCopy {
  bytes: Uint8Array;
  /** `"<base64url sha-256 of the bytes>"`, the same on every node that stamps the same copy. */
  etag: string;
}

/**
 * The stamped copies this node handed out recently, by reader, version and copy code, so that
 * opening a document again, or the byte ranges pdf.js asks for while reading it, are answered
 * without stamping the whole document again. The key holds the reader's id: a copy is only ever
 * looked up for the reader it is registered to (the service reads the code from that reader's own
 * registry row). 192 MB per node.
 */
@Injectable()
export class StampedCopyCache extends BytesLru<CachedCopy> {
  constructor() {
    super(192 * 2 ** 20, (copy) => copy.bytes.byteLength);
  }

  static key(readerId: string, versionId: string, code: string): string {
    return `${readerId}:${versionId}:${code}`;
  }
}

/**
 * Confidential documents' page images (PNG, watermark burned in) this node rendered recently, by
 * reader, version, copy code, page and width: turning back a page, or opening the document again
 * within the copy code's 12 hours, needs no stamping and no pdftoppm. Keyed like the copies (the
 * reader's own code), 64 MB per node. Each view is still access-checked and logged.
 */
@Injectable()
export class PageImageCache extends BytesLru<Buffer> {
  constructor() {
    super(64 * 2 ** 20, (png) => png.byteLength);
  }

  static key(readerId: string, versionId: string, code: string, page: number, width: number): string {
    return `${readerId}:${versionId}:${code}:${page}:${width}`;
  }
}
