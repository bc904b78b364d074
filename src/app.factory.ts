import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppExceptionFilter, ErrorBody } from './common/app-exception.filter';
import { createValidationPipe } from './common/validation.pipe';
import type { AppConfig } from './config/app-config';
import { configureWebSecurity } from './web/web-security';

/** Every request body is JSON and small; a credential is well under this. */
export const BODY_LIMIT_BYTES = 64 * 1024;

export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    // Errors Fastify raises before routing (a malformed URL) get our body shape and code too.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const body: ErrorBody = error.code === 'FST_ERR_BAD_URL'
        ? { code: 'BAD_URL', message: 'The address is not valid (malformed percent-encoding).' }
        : { code: 'VALIDATION_FAILED', message: 'The request could not be read.' };
      void reply.code(400).send(body);
    },
  });
  // The API speaks JSON only: without the text parser, text/plain gets 415, not a string body.
  adapter.getInstance().removeContentTypeParser('text/plain');
  return adapter;
}

/** Pipes, filters and the OpenAPI document: shared by `main.ts` and the e2e tests. */
export function configureApp(app: INestApplication, config: AppConfig): void {
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AppExceptionFilter());
  app.enableShutdownHooks();
  configureWebSecurity(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('浙江省质量技术基础专业职称电子证书 — API')
      .setDescription('Issue, verify and look up electronic professional-title certificates signed jointly by AMR and HRSS.')
      .setVersion('1')
      .addBearerAuth()
      .addServer(config.publicBaseUrl)
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/** Builds the application exactly as `main.ts` serves it. */
export async function createApp(config: AppConfig, logger: false | Array<'error' | 'warn' | 'log' | 'debug'>): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(config), { logger, abortOnError: false });
  configureApp(app, config);
  return app;
}
