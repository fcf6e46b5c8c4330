import { Module } from '@nestjs/common';
import { DocumentAccessService } from './document-access.service';
import { DocumentStorageService } from './document-storage.service';
import { DocumentsRepository } from './documents.repository';

/**
 * Meeting documents: upload, storage by SHA-256 in PostgreSQL, type detection, hostile-PDF checks,
 * Office → PDF conversion, access levels, versions (docs/documents.md). Other document modules
 * (copies, notes, the reader) use the exported storage and access services.
 */
@Module({
  providers: [DocumentsRepository, DocumentStorageService, DocumentAccessService],
  exports: [DocumentsRepository, DocumentStorageService, DocumentAccessService],
})
export class DocumentsModule {}
