import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TooManyAttemptsError } from '../common/app-error';
import { PublicBudget, ROUTE_RULES, RouteRules } from '../common/route-rules';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Limiter, RateLimiters } from '../database/rate-limiters';
import { rateLimitKey } from './rate-limit-key';

const WINDOW_SECONDS = 60;

/**
 * Rate limits of the public endpoints, each route naming its budget with `@PublicRateLimit`:
 * lookups (registry API and pages, notices, status list) and verifications are counted
 * separately per client address, so a page view (one page, one verification) uses one of each.
 * Office endpoints sit behind sign-in and have their own throttles; this guard passes them.
 * Fixed 60-second windows from a client's first request: O(1) a request, and a blocked client
 * stays blocked until its window ends. Counted in this process's memory unless
 * PUBLIC_RATE_LIMIT_STORE=database shares the counts between instances at one write per request
 * on the primary: a limit on load, left across instances to the load balancer (docs/deployment.md).
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly limit: number;
  private readonly budgets: Record<PublicBudget, Limiter>;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
    limiters: RateLimiters,
  ) {
    this.limit = config.publicRateLimitPerMinute;
    const budget = (keyPrefix: PublicBudget) =>
      limiters.publicBudget({ keyPrefix, points: this.limit, duration: WINDOW_SECONDS });
    this.budgets = { lookup: budget('lookup'), verification: budget('verification') };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const budget = this.reflector.get<RouteRules | undefined>(ROUTE_RULES, context.getHandler())?.publicRateLimit;
    if (!budget) return true;
    const http = context.switchToHttp();
    const counted = await this.budgets[budget].penalty(rateLimitKey(http.getRequest<FastifyRequest>().ip), 1);
    const seconds = Math.max(1, Math.ceil(counted.msBeforeNext / 1000));
    if (counted.consumedPoints > this.limit) {
      throw new TooManyAttemptsError(
        `Too many requests from this address (at most ${this.limit} a minute). Try again in ${seconds} seconds.`,
        seconds,
        'RATE_LIMITED',
      );
    }
    void http
      .getResponse<FastifyReply>()
      .header('X-RateLimit-Limit', this.limit)
      .header('X-RateLimit-Remaining', this.limit - counted.consumedPoints)
      .header('X-RateLimit-Reset', seconds);
    return true;
  }
}
