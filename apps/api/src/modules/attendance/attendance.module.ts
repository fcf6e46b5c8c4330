import { Module } from '@nestjs/common';
import { AttendanceGateway } from './attendance.gateway';
import { AttendanceRepository } from './attendance.repository';
import { AttendanceService } from './attendance.service';

/** Attendance (điểm danh), proxies and the quorum settings: commands on the meeting event log. */
@Module({
  providers: [AttendanceRepository, AttendanceService, AttendanceGateway],
  exports: [AttendanceRepository, AttendanceService],
})
export class AttendanceModule {}
