import { Injectable } from '@nestjs/common';

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
 * registry row). Least recently used copies leave beyond `maxBytes`; one that is being stamped is
 * shared by the requests that wait for it.
 */
@Injectable()
export class StampedCopyCache {
  private readonly entries = new Map<string, Promise<CachedCopy>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;
  /** The node's bound on cached copies' bytes (a unit test lowers it). */
  maxBytes = 192 * 2 ** 20;

  static key(readerId: string, versionId: string, code: string): string {
    return `${readerId}:${versionId}:${code}`;
  }

  /** The cached copy, or `make()`'s (cached when it succeeds). */
  get(key: string, make: () => Promise<CachedCopy>): Promise<CachedCopy> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const made = make();
    this.entries.set(key, made);
    made.then(
      (copy) => {
        if (this.entries.get(key) !== made) return;
        this.sizes.set(key, copy.bytes.byteLength);
        this.bytes += copy.bytes.byteLength;
        this.evict(key);
      },
      () => {
        if (this.entries.get(key) === made) this.entries.delete(key);
      },
    );
    return made;
  }

  /** Puts a copy just stamped (and registered) in, for the requests that follow. */
  put(key: string, copy: CachedCopy): void {
    this.get(key, () => Promise.resolve(copy)).catch(() => undefined);
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(keep: string): void {
    for (const key of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      if (key === keep) continue;
      const size = this.sizes.get(key);
      if (size === undefined) continue; // still being stamped
      this.entries.delete(key);
      this.sizes.delete(key);
      this.bytes -= size;
    }
  }
}
