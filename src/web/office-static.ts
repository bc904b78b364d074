import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../common/project-root';

/** The office console as `npm run build` writes it (web/office, built by Vite). */
export const OFFICE_DIR = join(projectRoot(), 'dist', 'office');

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
  await fastify.register(fastifyStatic, {
    root: join(OFFICE_DIR, 'assets'),
    prefix: '/office/assets/',
    decorateReply: false,
    cacheControl: false,
    setHeaders: (reply) => {
      void reply.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  fastify.get('/office', (_request, reply) => reply.redirect('/office/', 301));
  fastify.get('/office/', (_request, reply) => sendIndex(reply));
  fastify.get('/office/*', (_request, reply) => sendIndex(reply));
}
