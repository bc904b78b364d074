import FindMyWay from 'find-my-way';
import type { FastifyInstance, FastifyRequest, HTTPMethods, RouteOptions } from 'fastify';

const ROUTE_METHODS = 'routeMethods';

/**
 * Which methods each registered path answers, for a 405 with `Allow` (RFC 9110 §15.5.6) where
 * the router alone says 404: `DELETE /registry/…` names a resource that exists, just not for
 * that method. A second router of the same kind as Fastify's, fed by the onRoute hook, so a
 * path matches here exactly when it would match there under its own method.
 */
export class RouteMethods {
  private readonly router = FindMyWay({ ignoreTrailingSlash: false });
  private readonly methods = new Set<string>();

  add(method: HTTPMethods | HTTPMethods[], url: string): void {
    for (const one of Array.isArray(method) ? method : [method]) {
      const upper = one.toUpperCase();
      // Fastify lets a plugin register the same route twice under prefixes; the first stands.
      if (this.router.hasRoute(upper as FindMyWay.HTTPMethod, url)) continue;
      this.router.on(upper as FindMyWay.HTTPMethod, url, () => undefined);
      this.methods.add(upper);
    }
  }

  /** The methods the path answers, sorted; empty when no route has that path. */
  allowedFor(url: string): string[] {
    const path = url.split('?')[0];
    return [...this.methods].filter((method) => this.router.find(method as FindMyWay.HTTPMethod, path) !== null).sort();
  }
}

/** Starts recording the app's routes; call before any route is registered. */
export function recordRouteMethods(fastify: FastifyInstance): void {
  const table = new RouteMethods();
  fastify.decorate(ROUTE_METHODS, table);
  fastify.addHook('onRoute', (route: RouteOptions) => table.add(route.method, route.url));
}

/**
 * The methods the request's path answers when its own method is not one of them (the 405's
 * `Allow`); undefined when the path has no route at all or does answer this method.
 */
export function methodsAllowedInstead(request: FastifyRequest): string[] | undefined {
  const table = (request.server as unknown as Record<string, unknown>)[ROUTE_METHODS];
  if (!(table instanceof RouteMethods)) return undefined;
  const allowed = table.allowedFor(request.url);
  return allowed.length > 0 && !allowed.includes(request.method.toUpperCase()) ? allowed : undefined;
}
