import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { PollProgressService } from './poll-progress.service';
import { PollsController } from './polls.controller';
import { PollsGateway } from './polls.gateway';
import { PollsRepository } from './polls.repository';
import { PollsService } from './polls.service';

/** Voting (biểu quyết): named and secret polls, ballots, receipts, results. docs/voting.md. */
@Module({
  imports: [AttendanceModule],
  controllers: [PollsController],
  providers: [PollsRepository, PollsService, PollProgressService, PollsGateway],
  exports: [PollsRepository],
})
export class PollsModule {}
