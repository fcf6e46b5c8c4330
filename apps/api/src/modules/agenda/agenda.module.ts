import { Module } from '@nestjs/common';
import { AgendaController } from './agenda.controller';
import { AgendaGateway } from './agenda.gateway';
import { AgendaRepository } from './agenda.repository';
import { AgendaService } from './agenda.service';

@Module({
  controllers: [AgendaController],
  providers: [AgendaRepository, AgendaService, AgendaGateway],
  exports: [AgendaRepository, AgendaService],
})
export class AgendaModule {}
