import { Module } from '@nestjs/common';
import { AttendanceController } from './attendance.controller';
import { AttendanceGateway } from './attendance.gateway';
import { AttendanceRepository } from './attendance.repository';
import { AttendanceService } from './attendance.service';
import { CheckInQrService } from './check-in-qr.service';

/** Attendance (điểm danh), proxies, the quorum settings and the QR check-in: commands on the meeting log. */
@Module({
  controllers: [AttendanceController],
  providers: [AttendanceRepository, AttendanceService, CheckInQrService, AttendanceGateway],
  exports: [AttendanceRepository, AttendanceService, CheckInQrService],
})
export class AttendanceModule {}
