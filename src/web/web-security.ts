import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdirSync } from 'node:fs';
import { serveAssetFolder, serveOfficeConsole } from './office-static';
import { addRegistryHttpHooks } from './registry-http';
import { WEB_ASSETS_DIR, WEB_ASSETS_PREFIX } from './web-paths';

/**
 * The Content-Security-Policy of every response: scripts, styles and workers only from this
 * origin, nothing inline, no plugins, no framing. `blob:` images show a chosen photo; `data:`
 * images are what pdf.js and jsQR draw with.
 */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Swagger UI (served by @nestjs/swagger) needs inline styles; it stays script-strict. */
const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

function relaxDocsCsp(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (error: null, payload: unknown) => void,
): void {
  if (request.url === '/docs' || request.url.startsWith('/docs/'))
    void reply.header('content-security-policy', DOCS_CSP);
  done(null, payload);
}

/**
 * helmet's headers for our policy. They are the same for every response, so helmet runs once
 * at start and a hook copies its headers onto each reply (@fastify/helmet rebuilt them per
 * request: measured ~15% of a registry lookup).
 */
export function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const collector = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
    getHeader: () => undefined,
  };
  helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES } })(
    {} as IncomingMessage,
    collector as unknown as ServerResponse,
    () => undefined,
  );
  return headers;
}

/** Helmet on every response, CORS and ETags for the registry, and the verification page's assets. */
export function configureWebSecurity(nestApp: INestApplication): void {
  const app = nestApp as NestFastifyApplication;
  const fastify = app.getHttpAdapter().getInstance();
  const securityHeaders = helmetHeaders();
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(securityHeaders);
    done();
  });
  fastify.addHook('onSend', relaxDocsCsp);
  addRegistryHttpHooks(fastify);
  // The folder exists once `npm run build` ran; creating it lets the API start without it.
  mkdirSync(WEB_ASSETS_DIR, { recursive: true });
  void app.register((outer: FastifyInstance) =>
    serveAssetFolder(outer, {
      directory: WEB_ASSETS_DIR,
      urlPrefix: WEB_ASSETS_PREFIX,
      // Fixed file names: revalidate each time (ETag/Last-Modified make that a cheap 304).
      cacheControl: 'no-cache',
    }),
  );
  void app.register(serveOfficeConsole);
}
