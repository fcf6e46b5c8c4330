import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { PresentationGateway } from './presentation.gateway';
import { PresentationRepository } from './presentation.repository';
import { PresentationService } from './presentation.service';

/** Follow the presenter: present a document, turn its pages, stop — commands on the meeting log. */
@Module({
  imports: [DocumentsModule],
  providers: [PresentationRepository, PresentationService, PresentationGateway],
  exports: [PresentationRepository],
})
export class PresentationModule {}
