import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { AppModule } from './app.module';
import { deferredJsonBodyParser } from './common/errors/body-error.guard';
import { apiDocsGuard, apiDocsMode } from './common/http/api-docs';
import { securityHeaders } from './common/http/security-headers';
import { serveWebApp } from './common/http/web-app';
import type { Clock } from './common/clock/clock';
import { AuthenticatedIoAdapter } from './common/socket/authenticated-io.adapter';
import type { AppConfig } from './config/env';
import { QuietNestLogger } from './config/logging';

export const API_PREFIX = 'api/v1';

/**
 * Builds the whole application (REST, sockets, static web) without listening. `main.ts` and the
 * integration tests both use it, so tests run the same wiring as production.
 */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  options: { clock?: Clock } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register(config, databaseUrl, options.clock),
    {
      bufferLogs: true,
      bodyParser: false,
    },
  );
  // Nest's route and module listing at debug: the start-up banner stays readable.
  app.useLogger(new QuietNestLogger(app.get(Logger)));
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(securityHeaders(config));
  // Malformed or oversized bodies answer 400/413 from BodyErrorGuard, inside the route.
  app.use(deferredJsonBodyParser(config.BODY_LIMIT));
  app.use(cookieParser());
  serveWebApp(app, config.WEB_DIST_DIR);
  app.setGlobalPrefix(API_PREFIX);

  const adapter = new AuthenticatedIoAdapter(app, config);
  await adapter.connectRedis();
  app.useWebSocketAdapter(adapter);

  const docs = apiDocsMode(config);
  if (docs !== 'off') {
    if (docs === 'auth') app.use(['/api/docs', '/api/docs-json', '/api/docs-yaml'], apiDocsGuard(app));
    const openApi = SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle('Phòng họp thông minh API').setVersion('1').addBearerAuth().build(),
    );
    SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(openApi), { jsonDocumentUrl: 'api/docs-json' });
  }
  return app;
}
