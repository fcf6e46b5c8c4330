import { Injectable, Logger } from '@nestjs/common';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Where e-mail goes. Government networks are often closed, so the default sends nothing and only
 * logs; a deployment with a mail relay provides another implementation under MAIL_SENDER.
 */
export interface MailSender {
  send(message: MailMessage): Promise<void>;
}

export const MAIL_SENDER = Symbol('MAIL_SENDER');

@Injectable()
export class LoggingMailSender implements MailSender {
  private readonly logger = new Logger('Mail');

  async send(message: MailMessage): Promise<void> {
    this.logger.log(`not sent (no mail transport configured): to=${message.to} subject="${message.subject}"`);
  }
}
