import { Module } from '@nestjs/common';
import { DocumentAccessService } from './document-access.service';
import { DocumentStorageService } from './document-storage.service';
import { DocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { OfficeConverterService } from './office-converter.service';
import { PdfInspectorService } from './pdf-inspector.service';

/**
 * Meeting documents: upload, storage by SHA-256 in PostgreSQL, type detection, hostile-PDF checks,
 * Office → PDF conversion, access levels, versions (docs/documents.md). Other document modules
 * (copies, notes, the reader) use the exported storage and access services (and the PDF
 * inspector, should they need to check a PDF they did not make).
 */
@Module({
  controllers: [DocumentsController],
  providers: [
    DocumentsRepository,
    DocumentStorageService,
    DocumentAccessService,
    PdfInspectorService,
    OfficeConverterService,
    DocumentsService,
  ],
  exports: [DocumentsRepository, DocumentStorageService, DocumentAccessService, PdfInspectorService],
})
export class DocumentsModule {}
