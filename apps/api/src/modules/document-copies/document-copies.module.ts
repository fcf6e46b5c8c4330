import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { DocumentCopiesController } from './document-copies.controller';
import { DocumentCopiesRepository } from './document-copies.repository';
import { DocumentCopiesService } from './document-copies.service';
import { LeakTraceController } from './leak-trace.controller';
import { LeakTraceService } from './leak-trace.service';
import { ReadingPdfCache } from './reading-pdf-cache';
import { StampPoolProvider } from './stamp-pool.provider';
import { PageImageCache, StampedCopyCache } from './stamped-copy-cache';

/**
 * Per-reader copies of meeting documents (stamped with the reader's watermark and invisible
 * marks, registered by copy code) and the admin's leak trace. docs/documents-copies.md.
 */
@Module({
  imports: [DocumentsModule],
  controllers: [DocumentCopiesController, LeakTraceController],
  providers: [
    StampPoolProvider,
    ReadingPdfCache,
    StampedCopyCache,
    PageImageCache,
    DocumentCopiesRepository,
    DocumentCopiesService,
    LeakTraceService,
  ],
  exports: [StampPoolProvider],
})
export class DocumentCopiesModule {}
