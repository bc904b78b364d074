import { SetMetadata } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyContextConfig } from 'fastify';

/** The two public request budgets, each PUBLIC_RATE_LIMIT_PER_MINUTE a minute per client address. */
export type PublicBudget = 'lookup' | 'verification';

declare module 'fastify' {
  /**
   * The HTTP behaviour a route declares next to its path (with the decorators below), so that
   * moving or renaming a route carries its rules along. Fastify hooks and the CSV parser read
   * them as `request.routeOptions.config`, without matching URLs.
   */
  interface FastifyContextConfig {
    /** Counted against this public budget; past it, 429 RATE_LIMITED. */
    publicRateLimit?: PublicBudget;
    /** Readable by any web page: open CORS, preflight answered. */
    registryCors?: true;
    /** A strong ETag over the JSON answer; a matching If-None-Match gets 304. */
    entityTag?: true;
    /** Takes a `text/csv` body (raw bytes); every other route answers text/csv with 415. */
    csvBody?: true;
    /** Takes an `application/x-www-form-urlencoded` body (a plain HTML form); every other route answers it with 415. */
    formBody?: true;
  }
}

/** The rules a route can declare; kept both as the Fastify route's config and as Nest metadata (for the rate limit guard). */
export type RouteRules = Pick<
  FastifyContextConfig,
  'publicRateLimit' | 'registryCors' | 'entityTag' | 'csvBody' | 'formBody'
>;

/** Where the rules of a route handler are kept as Nest metadata. */
export const ROUTE_RULES = 'zjzc:route-rules';

/**
 * Adds one rule to a handler. Nest's own `@RouteConfig` replaces the whole config, so the rules
 * are merged here and the merged set is written again each time: decorators stack in any order.
 */
function routeRule(rule: RouteRules): MethodDecorator {
  return (target, key, descriptor) => {
    const rules: RouteRules = {
      ...(Reflect.getMetadata(ROUTE_RULES, descriptor.value as object) as RouteRules | undefined),
      ...rule,
    };
    SetMetadata(ROUTE_RULES, rules)(target, key, descriptor);
    RouteConfig(rules)(target, key, descriptor);
  };
}

/** Counts each request against a public budget per client address (docs/registry.md, rate limit). */
export const PublicRateLimit = (budget: PublicBudget): MethodDecorator => routeRule({ publicRateLimit: budget });

/** Any web page may read this route (the public registry); nothing else is CORS-open. */
export const RegistryCors = (): MethodDecorator => routeRule({ registryCors: true });

/** Sends an ETag over the JSON answer and answers a matching If-None-Match with 304. */
export const EntityTag = (): MethodDecorator => routeRule({ entityTag: true });

/** Accepts a `text/csv` body on this route (read it with the evaluation's `@CsvBody()`). */
export const AcceptsCsv = (): MethodDecorator => routeRule({ csvBody: true });

/** Accepts a plain HTML form post on this route (a page that works without JavaScript). */
export const AcceptsForm = (): MethodDecorator => routeRule({ formBody: true });
