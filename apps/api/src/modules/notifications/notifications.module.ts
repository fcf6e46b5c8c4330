import { Module } from '@nestjs/common';
import { LoggingMailSender, MAIL_SENDER } from './mail-sender';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

@Module({
  controllers: [NotificationsController],
  providers: [
    NotificationsRepository,
    NotificationsService,
    { provide: MAIL_SENDER, useClass: LoggingMailSender },
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
