import { Injectable } from '@nestjs/common';
import { DocumentStorageService } from '../documents/document-storage.service';
import { StampPool } from './stamp/stamp-pool';

/**
 * The reading PDFs being stamped, by SHA-256 (content never changes under its hash), in shared
 * memory so every stamping thread reads the same bytes. 150 readers opening one document then cost
 * one read from PostgreSQL, and a confidential document read page by page is not read again for
 * every page. Least recently used entries leave beyond `maxBytes`.
 */
@Injectable()
export class ReadingPdfCache {
  private readonly entries = new Map<string, Uint8Array>();
  private bytes = 0;
  private readonly maxBytes = 256 * 2 ** 20;

  constructor(private readonly storage: DocumentStorageService) {}

  /** The version's reading PDF (DOCUMENT_NOT_READY / DOCUMENT_VERSION_NOT_FOUND as storage says). */
  async get(versionId: string): Promise<Uint8Array> {
    const file = await this.storage.openReadingPdf(versionId);
    file.stream.destroy();
    const hit = this.entries.get(file.sha256);
    if (hit) {
      this.entries.delete(file.sha256);
      this.entries.set(file.sha256, hit);
      return hit;
    }
    const shared = StampPool.share(await this.storage.readBlob(file.sha256));
    this.entries.set(file.sha256, shared);
    this.bytes += shared.byteLength;
    for (const [key, value] of this.entries) {
      if (this.bytes <= this.maxBytes || key === file.sha256) break;
      this.entries.delete(key);
      this.bytes -= value.byteLength;
    }
    return shared;
  }
}
