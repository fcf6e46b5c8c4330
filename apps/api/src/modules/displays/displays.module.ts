import { Global, Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { DisplayQrController, DisplaysController } from './displays.controller';
import { DisplaysService } from './displays.service';

/** Room displays: watch-only screens signed in with a display token (docs/display.md). */
@Global()
@Module({
  imports: [AttendanceModule],
  controllers: [DisplaysController, DisplayQrController],
  providers: [DisplaysService],
  exports: [DisplaysService],
})
export class DisplaysModule {}
