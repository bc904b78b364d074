import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { SESSION_COOKIE } from './auth/session-cookie';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from './common/app-error';
import { AppExceptionFilter, ErrorBody, type RefusalPage, useErrorStatuses } from './common/app-exception.filter';
import { clientErrorResponse, rejectedTarget } from './common/client-error-response';
import {
  jsonNestsDeeperThan,
  jsonRepeatedName,
  MAX_JSON_DEPTH,
  normalizeJsonText,
  parseQueryString,
  STRICT_UTF8,
} from './common/request-input';
import { BodilessActionInterceptor } from './common/bodiless-action.interceptor';
import { recordRouteMethods } from './common/route-methods';
import { WellFormedQueryGuard } from './common/well-formed-query.guard';
import { createValidationPipe } from './common/validation.pipe';
import type { AppConfig } from './config/app-config';
import { errorStatuses } from './error-codes';
import { configureWebSecurity, helmetHeaders } from './web/web-security';
import { PageRefusals } from './web/page-refusals';

declare module 'fastify' {
  interface FastifyInstance {
    /** The page for a refusal at a page's address (src/web/page-refusals.ts), set by configureApp. */
    refusalPage?: RefusalPage;
  }
}

/** Every request body is JSON and small; a credential is well under this. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** Errors Fastify raises before routing get our body shape and code too. */
function frameworkError(error: FastifyError): ErrorBody & { code: ErrorCode } {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return { code: 'BAD_URL', message: 'The address is not valid (malformed percent-encoding).' };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { code: 'BAD_URL', message: 'A part of the address is too long.' };
    default:
      return { code: 'VALIDATION_FAILED', message: 'The request could not be read.' };
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The one JSON body parser: Fastify's (which refuses `__proto__` and `constructor.prototype`
 * keys), after strict UTF-8 decoding and a linear depth check (the validation pipe and
 * class-transformer recurse, and overflow the stack on a few thousand levels), refusing a name
 * repeated in one object, with every string made NFC.
 */
function registerJsonParser(adapter: FastifyAdapter): void {
  const parse = adapter.getInstance().getDefaultJsonParser('error', 'error');
  // Registering through the adapter also keeps Nest from adding its urlencoded parser: the
  // API speaks JSON only, so a form body gets 415 like any other type, except on the routes
  // that declare `@AcceptsForm()` (src/web/form-body.ts).
  adapter.useBodyParser('application/json', false, { bodyLimit: BODY_LIMIT_BYTES }, (request, body, done) => {
    // Nothing here decompresses: a coded body would be read as if it were not (RFC 9110 §8.4: 415).
    const coding = request.headers['content-encoding'];
    if (coding !== undefined && coding.toLowerCase() !== 'identity') {
      done(
        new AppError('UNSUPPORTED_MEDIA_TYPE', `Content-Encoding ${coding} is not accepted: send the body as it is.`),
        undefined,
      );
      return;
    }
    let text: string;
    try {
      text = STRICT_UTF8.decode(body);
    } catch {
      done(new AppError('BODY_NOT_UTF8', 'The request body is not UTF-8 text.'), undefined);
      return;
    }
    // A bodiless action (a confirmation) sent with this type by a client that always sets it:
    // no body, as without the header; a route that needs one refuses its absence.
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) {
      done(
        new AppError('BODY_TOO_DEEP', `The request body nests objects or arrays deeper than ${MAX_JSON_DEPTH} levels.`),
        undefined,
      );
      return;
    }
    // Fastify's parser answers through the callback; its declared Promise return is never used.
    void parse(request, text, (error, value) => {
      // Refused, yet valid JSON: the parser's only other refusal is of these names (its error
      // says no more than "invalid JSON", which would send the client looking for a typo).
      if (error && isJson(text))
        return done(
          new AppError('BAD_JSON', 'The request body names "__proto__" or "constructor.prototype", which is refused.'),
          undefined,
        );
      if (error) return done(error, undefined);
      const repeated = jsonRepeatedName(text);
      if (repeated === undefined) return done(null, normalizeJsonText(value));
      done(
        new AppError('BODY_REPEATED_NAME', `The request body names "${repeated}" twice in one object.`, {
          name: repeated,
        }),
        undefined,
      );
    });
  });
}

export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  const securityHeaders = helmetHeaders();
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const body = frameworkError(error);
      // Answered before the onRequest hooks, so the security headers are set here too.
      void reply.headers(securityHeaders).header('Cache-Control', 'no-store');
      // At a page's address (`/v/%FF`), a Chinese page, as the filters answer (configureApp).
      const page = request.server.refusalPage?.(request.url, 400, body.code);
      if (page === undefined) return void reply.code(400).send(body);
      void reply.code(400).header('Content-Type', 'text/html; charset=utf-8').send(page);
    },
    // Query values are text input like any other: NFC, whatever spelling the client sent.
    routerOptions: { querystringParser: parseQueryString },
    // Node's parser refuses some requests (oversized headers, raw UTF-8 in the address) before
    // Fastify routes them; they are answered here, in the same body shape.
    // At a page's address (raw UTF-8 typed into `/v/…`), a Chinese page, as everywhere else.
    clientErrorHandler: (error: NodeJS.ErrnoException & { rawPacket?: unknown }, socket) => {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const target = rejectedTarget(error.rawPacket);
      const refusalPage = adapter.getInstance().refusalPage;
      const page =
        target !== undefined && refusalPage !== undefined
          ? (status: number, code: ErrorCode) => refusalPage(target, status, code)
          : undefined;
      if (socket.writable) socket.write(clientErrorResponse(error.code, page, securityHeaders));
      socket.destroy(error);
    },
  });
  // The API speaks JSON only: without the text parser, text/plain gets 415, not a string body.
  adapter.getInstance().removeContentTypeParser('text/plain');
  registerJsonParser(adapter);
  return adapter;
}

/**
 * An empty body is no body, whatever its declared type (README): a client that always sends a
 * Content-Type (text/plain, say) on a bodiless action would otherwise get 415 for a body that
 * is not there. The routes that take CSV or a form read an empty one themselves.
 */
function emptyBodyIsNoBody(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, _reply, done) => {
      const { headers } = request;
      const rules = request.routeOptions.config;
      if (
        headers['content-type'] !== undefined &&
        headers['content-length'] === '0' &&
        headers['transfer-encoding'] === undefined &&
        !rules.csvBody &&
        !rules.formBody
      )
        delete headers['content-type'];
      done();
    });
}

/** Pipes, filters and the OpenAPI document: shared by `main.ts` and the e2e tests. */
export function configureApp(app: INestApplication, config: AppConfig): void {
  const fastifyApp = app as NestFastifyApplication;
  // Before any route exists (Nest registers them at init): the 405's Allow reads this table.
  recordRouteMethods(fastifyApp.getHttpAdapter().getInstance());
  app.useGlobalPipes(createValidationPipe());
  useErrorStatuses(errorStatuses);
  // A refusal at a page's address is a Chinese page, whichever filter answers it.
  const pages = app.get(PageRefusals);
  const refusalPage: RefusalPage = (...refusal) => pages.pageFor(...refusal);
  app.useGlobalFilters(new AppExceptionFilter(refusalPage));
  // Fastify's own refusals before routing (a malformed path) read it from the instance.
  fastifyApp.getHttpAdapter().getInstance().decorate('refusalPage', refusalPage);
  app.useGlobalGuards(new WellFormedQueryGuard());
  app.useGlobalInterceptors(new BodilessActionInterceptor());
  emptyBodyIsNoBody(fastifyApp);
  app.enableShutdownHooks();
  configureWebSecurity(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('浙江省质量技术基础专业职称电子证书 — API')
      .setDescription(
        'Issue, verify and look up electronic professional-title certificates signed jointly by AMR and HRSS.',
      )
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth(SESSION_COOKIE)
      .addServer(config.publicBaseUrl)
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/** Builds the application exactly as `main.ts` serves it. */
export async function createApp(
  config: AppConfig,
  logger: false | Array<'error' | 'warn' | 'log' | 'debug'>,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(config), {
    logger,
    abortOnError: false,
  });
  configureApp(app, config);
  return app;
}
