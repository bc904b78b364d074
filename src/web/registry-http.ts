import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { createHash } from 'node:crypto';

/**
 * CORS and ETags of the routes that declare `@RegistryCors()` / `@EntityTag()`, as Fastify
 * hooks attached to those routes only when they are registered, rather than a Nest interceptor
 * and a CORS plugin: they run on the serialized answer (no second JSON.stringify) and cost
 * nothing on every other route (bench/registry.bench.ts).
 * - CORS: any web page may read the registry; nothing else is CORS-open.
 * - ETag: a strong tag over the JSON text; If-None-Match gets 304 (RFC 9110 §13.1.2).
 */

/** True when an If-None-Match header names this entity tag (weak comparison). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function openCors(_request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  void reply.header('Access-Control-Allow-Origin', '*').header('Access-Control-Expose-Headers', 'ETag, Retry-After');
  done();
}

/** A preflight: only reading is allowed, with whatever request headers the page wants to send. */
function preflight(request: FastifyRequest, reply: FastifyReply): void {
  void reply
    .header('Access-Control-Allow-Methods', 'GET, HEAD')
    .header('Access-Control-Allow-Headers', request.headers['access-control-request-headers'] ?? '')
    .header('Access-Control-Max-Age', '600')
    .code(204)
    .send();
}

function entityTag(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (error: null, payload: unknown) => void,
): void {
  if (reply.statusCode !== 200 || typeof payload !== 'string') return done(null, payload);
  const etag = `"${createHash('sha1').update(payload).digest('base64url')}"`;
  void reply.header('ETag', etag);
  if (!etagMatches(request.headers['if-none-match'], etag)) return done(null, payload);
  void reply.code(304);
  done(null, '');
}

function withHook<T>(hooks: T | T[] | undefined, hook: NoInfer<T>): T[] {
  return [...(hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks]), hook];
}

/**
 * Reads each route's rules as it is registered. A CORS-open GET route also gets an OPTIONS
 * route on its path for the preflight (Fastify adds the HEAD route itself, with the same rules).
 */
function applyRouteRules(this: FastifyInstance, route: RouteOptions): void {
  const isGet = route.method === 'GET';
  if (route.config?.registryCors) {
    route.onRequest = withHook(route.onRequest, openCors);
    if (isGet) this.route({ method: 'OPTIONS', url: route.url, onRequest: openCors, handler: preflight });
  }
  if (route.config?.entityTag && isGet) route.onSend = withHook(route.onSend, entityTag);
}

export function addRegistryHttpHooks(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', applyRouteRules);
}
