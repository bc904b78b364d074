import fastifyStatic from '@fastify/static';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../common/app-error';
import { projectRoot } from '../common/project-root';

/** The office console as `npm run build` writes it (web/office, built by Vite). */
export const OFFICE_DIR = join(projectRoot(), 'dist', 'office');

/** A folder served as is below a URL prefix, each file with the same Cache-Control. */
export interface AssetFolder {
  directory: string;
  urlPrefix: string;
  cacheControl: string;
}

/**
 * The app's answer to an error of @fastify/static or @fastify/send, or undefined for one that is
 * not a refusal of the request (an unreadable file: a fault of ours, left to the logged 500).
 * Refused paths — `..` in any spelling, `.` or empty segments, a backslash, a NUL byte, a name
 * too long for the file system — name no file we serve: 404, whichever guard refused them. A
 * range outside the file is a 416, its Content-Range naming the file's length (RFC 9110 §14.4).
 */
function assetRefusal(error: FastifyError): AppError | undefined {
  const status = error.statusCode;
  if (status === 416) return new AppError('RANGE_NOT_SATISFIABLE', 'The requested range lies outside the file.');
  if (error.code === 'FST_STATIC_FORBIDDEN_PATH' || status === 400 || status === 403 || status === 404) {
    return new AppError('ROUTE_NOT_FOUND', 'No such resource.');
  }
  return undefined;
}

/**
 * Serves a folder with @fastify/static. The plugin answers a path it refuses with an error
 * (a Forbidden that Nest turns into a bare 403, which the filter cannot tell from a bug): here
 * it becomes the app's error before the app's handler sees it. The handler is set on a context
 * of its own, around the plugin only; `outer` keeps the app's handler, looked up per request
 * since Nest installs it on the root while the app starts, possibly after this plugin loads.
 */
export async function serveAssetFolder(outer: FastifyInstance, folder: AssetFolder): Promise<void> {
  await outer.register(async (assets) => {
    assets.setErrorHandler((error: FastifyError & { headers?: Record<string, string> }, request, reply) => {
      // @fastify/send names the file's length on its 416 (Content-Range: bytes */length).
      const contentRange = error.headers?.['Content-Range'];
      if (contentRange !== undefined) void reply.header('Content-Range', contentRange);
      return outer.errorHandler(assetRefusal(error) ?? error, request, reply);
    });
    await assets.register(fastifyStatic, {
      root: folder.directory,
      prefix: folder.urlPrefix,
      decorateReply: false,
      cacheControl: false,
      setHeaders: (reply) => {
        void reply.header('Cache-Control', folder.cacheControl);
      },
    });
  });
}

/**
 * index.html is read on each request (it is tiny): a rebuilt console is served without a
 * restart, and the service starts before the console is built. Never cached, so officers get
 * the new asset names right after a deployment.
 */
function sendIndex(reply: FastifyReply): void {
  let html: Buffer;
  try {
    html = readFileSync(join(OFFICE_DIR, 'index.html'));
  } catch {
    void reply.code(404).send({ code: 'ROUTE_NOT_FOUND', message: 'The office console is not built (npm run build).' });
    return;
  }
  void reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(html);
}

/**
 * The office console at /office/: its hashed files under /office/assets/ (immutable: a new
 * build has new names) and index.html for every other path below /office, so a reload or a
 * typed address of a client route (/office/certificates/…) opens the console, which routes it.
 * The global Content-Security-Policy (web-security.ts) applies unchanged: the build has no
 * inline script or style.
 */
export async function serveOfficeConsole(fastify: FastifyInstance): Promise<void> {
  mkdirSync(join(OFFICE_DIR, 'assets'), { recursive: true });
  await serveAssetFolder(fastify, {
    directory: join(OFFICE_DIR, 'assets'),
    urlPrefix: '/office/assets/',
    cacheControl: 'public, max-age=31536000, immutable',
  });
  fastify.get('/office', (_request, reply) => reply.redirect('/office/', 301));
  fastify.get('/office/', (_request, reply) => sendIndex(reply));
  fastify.get('/office/*', (_request, reply) => sendIndex(reply));
}
