import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { DocumentCommentsRepository } from './document-comments.repository';
import { DocumentCommentsService } from './document-comments.service';
import { DocumentGate } from './document-gate';
import { DocumentNotesController } from './document-notes.controller';
import { DocumentNotesRepository } from './document-notes.repository';
import { DocumentNotesService } from './document-notes.service';

/**
 * Private notes and highlights on meeting documents (the reader's own, pushed to their devices,
 * never on the log) and comments on drafts (commands on the meeting log). docs/documents-notes.md.
 */
@Module({
  imports: [DocumentsModule],
  controllers: [DocumentNotesController],
  providers: [
    DocumentGate,
    DocumentNotesRepository,
    DocumentNotesService,
    DocumentCommentsRepository,
    DocumentCommentsService,
  ],
})
export class DocumentNotesModule {}
