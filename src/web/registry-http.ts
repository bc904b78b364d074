import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';

/**
 * HTTP details of the public registry API, as two Fastify hooks rather than a Nest
 * interceptor and a CORS plugin: they run on the serialized answer (no second
 * JSON.stringify) and cost one prefix test on every other route (bench/registry.bench.ts).
 * - CORS: any web page may read the registry (issue 4); nothing else is CORS-open.
 * - ETag: a strong tag over the JSON text; If-None-Match gets 304 (RFC 9110 §13.1.2).
 */
const REGISTRY_PREFIX = '/api/v1/registry/certificates';

function isRegistry(url: string): boolean {
  return url.startsWith(REGISTRY_PREFIX) && (url.length === REGISTRY_PREFIX.length || '/?'.includes(url[REGISTRY_PREFIX.length]));
}

/** True when an If-None-Match header names this entity tag (weak comparison). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function onRequest(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  if (!isRegistry(request.url)) return done();
  void reply.header('Access-Control-Allow-Origin', '*').header('Access-Control-Expose-Headers', 'ETag, Retry-After');
  if (request.method !== 'OPTIONS') return done();
  // A preflight: only reading is allowed, with whatever request headers the page wants to send.
  void reply
    .header('Access-Control-Allow-Methods', 'GET, HEAD')
    .header('Access-Control-Allow-Headers', request.headers['access-control-request-headers'] ?? '')
    .header('Access-Control-Max-Age', '600')
    .code(204)
    .send();
}

function onSend(request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void): void {
  if (request.method !== 'GET' || reply.statusCode !== 200 || typeof payload !== 'string' || !isRegistry(request.url)) return done(null, payload);
  const etag = `"${createHash('sha1').update(payload).digest('base64url')}"`;
  void reply.header('ETag', etag);
  if (!etagMatches(request.headers['if-none-match'], etag)) return done(null, payload);
  void reply.code(304);
  done(null, '');
}

export function addRegistryHttpHooks(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', onRequest);
  fastify.addHook('onSend', onSend);
}
