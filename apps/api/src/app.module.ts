import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ZodSerializerInterceptor } from 'nestjs-zod';
import { AuthGuard } from './common/auth/auth.guard';
import { Clock, SystemClock } from './common/clock/clock';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { BodyErrorGuard } from './common/errors/body-error.guard';
import { AppZodValidationPipe } from './common/validation/zod-validation.pipe';
import { APP_CONFIG, AppConfig } from './config/env';
import { loggerParams } from './config/logging';
import { dataSourceOptions } from './database/data-source';
import { AgendaModule } from './modules/agenda/agenda.module';
import { AttendanceModule } from './modules/attendance/attendance.module';
import { SpeakersModule } from './modules/speakers/speakers.module';
import { DisplaysModule } from './modules/displays/displays.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { HealthModule } from './modules/health/health.module';
import { MeetingEventsModule } from './modules/meeting-events/meeting-events.module';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { IdentityModule } from './modules/identity/identity.module';
import { RealtimeModule } from './modules/realtime/realtime.module';
import { PollsModule } from './modules/polls/polls.module';
import { DocumentsModule } from './modules/documents/documents.module';
// docs-notes
import { DocumentNotesModule } from './modules/document-notes/document-notes.module';
// follow the presenter (issue 10, docs-web)
import { PresentationModule } from './modules/presentation/presentation.module';
// document copies and leak tracing (issue 10)
import { DocumentCopiesModule } from './modules/document-copies/document-copies.module';

@Module({})
export class AppModule {
  static register(config: AppConfig, databaseUrl: string, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerParams(config)),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        // The built web app is served by server.ts (serveWebApp), not ServeStaticModule: its error
        // handler answered every API error (malformed JSON, too large) as 404.
        RealtimeModule,
        IdentityModule,
        HealthModule,
        MeetingEventsModule,
        MeetingsModule,
        AgendaModule,
        AttendanceModule,
        SpeakersModule,
        DisplaysModule,
        NotificationsModule,
        CalendarModule,
        // voting (issue 9)
        PollsModule,
        // meeting documents (issue 10)
        DocumentsModule,
        // docs-notes: private notes and comments on drafts
        DocumentNotesModule,
        // follow the presenter (issue 10, docs-web)
        PresentationModule,
        // document copies and leak tracing (issue 10)
        DocumentCopiesModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        // First: a body the parser refused is answered as such, before authentication.
        { provide: APP_GUARD, useClass: BodyErrorGuard },
        { provide: Clock, useValue: clock },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useClass: AppZodValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        // Parses the return value of @ZodResponse routes with their schema (strips unknown fields).
        { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}
