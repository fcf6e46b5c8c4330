import { Module } from '@nestjs/common';
import { LeakTraceController } from './leak-trace.controller';
import { LeakTraceService } from './leak-trace.service';
import { StampPoolProvider } from './stamp-pool.provider';

/**
 * Per-reader copies of meeting documents (stamped with the reader's watermark and invisible
 * marks, registered by copy code) and the admin's leak trace. docs/documents-copies.md.
 */
@Module({
  controllers: [LeakTraceController],
  providers: [StampPoolProvider, LeakTraceService],
  exports: [StampPoolProvider],
})
export class DocumentCopiesModule {}
