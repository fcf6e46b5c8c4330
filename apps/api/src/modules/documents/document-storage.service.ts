import { Injectable } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { DocumentsRepository, StoredVersion } from './documents.repository';

/** Bytes per stored chunk: big enough that a 100 MB file is 100 rows, small enough to stream. */
export const DOCUMENT_CHUNK_BYTES = 1024 * 1024;

/** A stored file being read. `stream` yields the bytes chunk by chunk (never the whole file at once). */
export interface StoredFile {
  stream: Readable;
  size: number;
  sha256: string;
  mediaType: string;
  /** The uploaded name (for Content-Disposition: use `documentContentDisposition`). */
  originalName: string;
  version: StoredVersion;
}

/**
 * The documents' bytes, in PostgreSQL, keyed by SHA-256 (docs/documents.md, docs/architecture.md):
 * every API node reads the same files over its ordinary connection, with no shared disk. This is
 * the storage API the other document modules call; it does NOT check who may read — call
 * `DocumentAccessService.openForReading` first, which answers the version to read.
 */
@Injectable()
export class DocumentStorageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentsRepository,
  ) {}

  /**
   * Stores a local file under its SHA-256 (computed by the caller while receiving it), chunk by
   * chunk in one transaction; bytes already stored are not stored again. Returns whether this call
   * stored them (false: they were there already).
   */
  async putFile(path: string, sha256: string, size: number): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO document_blobs (sha256, size, chunk_count) VALUES ($1, $2, $3)
         ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
        [sha256, size, Math.max(1, Math.ceil(size / DOCUMENT_CHUNK_BYTES))],
      );
      // A concurrent upload of the same bytes waits on the key above until it commits; then
      // nothing is inserted and its chunks are already complete.
      if (inserted.length === 0) return false;
      let part = 0;
      const stream = createReadStream(path, { highWaterMark: DOCUMENT_CHUNK_BYTES });
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async () => {
        await manager.query('INSERT INTO document_blob_chunks (sha256, part, data) VALUES ($1, $2, $3)', [
          sha256,
          part++,
          Buffer.concat(pending, pendingBytes),
        ]);
        pending = [];
        pendingBytes = 0;
      };
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        let offset = 0;
        while (offset < chunk.length) {
          const take = Math.min(chunk.length - offset, DOCUMENT_CHUNK_BYTES - pendingBytes);
          pending.push(chunk.subarray(offset, offset + take));
          pendingBytes += take;
          offset += take;
          if (pendingBytes === DOCUMENT_CHUNK_BYTES) await flush();
        }
      }
      if (pendingBytes > 0 || part === 0) await flush();
      return true;
    });
  }

  async exists(sha256: string, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (manager ?? this.dataSource.manager).query(
      'SELECT 1 FROM document_blobs WHERE sha256 = $1',
      [sha256],
    );
    return rows.length > 0;
  }

  /** Streams a blob's bytes, one chunk (one query) at a time. */
  openBlob(sha256: string): Readable {
    const dataSource = this.dataSource;
    return Readable.from(
      (async function* () {
        const head: { chunk_count: number }[] = await dataSource.query(
          'SELECT chunk_count FROM document_blobs WHERE sha256 = $1',
          [sha256],
        );
        if (head.length === 0) throw new AppException('DOCUMENT_VERSION_NOT_FOUND');
        for (let part = 0; part < head[0].chunk_count; part++) {
          const rows: { data: Buffer }[] = await dataSource.query(
            'SELECT data FROM document_blob_chunks WHERE sha256 = $1 AND part = $2',
            [sha256, part],
          );
          if (rows.length === 0) throw new Error(`blob ${sha256} lacks chunk ${part}`);
          yield rows[0].data;
        }
      })(),
      { objectMode: false },
    );
  }

  /** A blob's bytes in one Buffer (for pdf-lib, which needs the whole file anyway). */
  async readBlob(sha256: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const chunk of this.openBlob(sha256) as AsyncIterable<Buffer>) parts.push(chunk);
    return Buffer.concat(parts);
  }

  /**
   * The reading copy (sanitised PDF) of a version: DOCUMENT_VERSION_NOT_FOUND, or
   * DOCUMENT_NOT_READY while it converts or when its conversion failed.
   */
  async openReadingPdf(versionId: string): Promise<StoredFile> {
    const version = await this.documents.version(versionId);
    if (!version) throw new AppException('DOCUMENT_VERSION_NOT_FOUND');
    if (version.status !== 'ready' || !version.readingSha256) throw new AppException('DOCUMENT_NOT_READY');
    const size = await this.blobSize(version.readingSha256);
    return {
      stream: this.openBlob(version.readingSha256),
      size,
      sha256: version.readingSha256,
      mediaType: 'application/pdf',
      originalName: version.originalName,
      version,
    };
  }

  /** The reading copy's bytes in one Buffer (what pdf-lib stamps). */
  async readReadingPdf(versionId: string): Promise<Buffer> {
    const file = await this.openReadingPdf(versionId);
    file.stream.destroy();
    return this.readBlob(file.sha256);
  }

  /** The original as uploaded (kept for the record; may contain what the reading copy lost). */
  async openOriginal(versionId: string): Promise<StoredFile> {
    const version = await this.documents.version(versionId);
    if (!version) throw new AppException('DOCUMENT_VERSION_NOT_FOUND');
    return {
      stream: this.openBlob(version.sha256),
      size: version.size,
      sha256: version.sha256,
      mediaType: version.mediaType,
      originalName: version.originalName,
      version,
    };
  }

  /**
   * Deletes the blobs no version refers to (after a refused upload whose bytes were stored). A
   * blob another upload is just referring to is kept: its version row's foreign key holds it.
   */
  async deleteIfUnreferenced(sha256s: string[]): Promise<void> {
    if (sha256s.length === 0) return;
    await this.dataSource.query(
      `DELETE FROM document_blobs b WHERE b.sha256 = ANY($1::varchar[])
         AND NOT EXISTS (SELECT 1 FROM document_versions v WHERE v.sha256 = b.sha256 OR v.reading_sha256 = b.sha256)`,
      [sha256s],
    );
  }

  private async blobSize(sha256: string): Promise<number> {
    const rows: { size: number }[] = await this.dataSource.query(
      'SELECT size FROM document_blobs WHERE sha256 = $1',
      [sha256],
    );
    if (rows.length === 0) throw new AppException('DOCUMENT_VERSION_NOT_FOUND');
    return rows[0].size;
  }
}
