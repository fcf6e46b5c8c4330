import { Module } from '@nestjs/common';
import { SpeakersGateway } from './speakers.gateway';
import { SpeakersRepository } from './speakers.repository';
import { SpeakersService } from './speakers.service';

/** The list of speakers and the speaking time: commands on the meeting event log. */
@Module({
  providers: [SpeakersRepository, SpeakersService, SpeakersGateway],
  exports: [SpeakersRepository],
})
export class SpeakersModule {}
