import { ExecutionContext, Injectable, type Type } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { TooManyAttemptsError } from '../common/app-error';
import { RegistryController } from '../registry/registry.controller';
import { VerificationsController } from '../registry/verifications.controller';
import { WebController } from './web.controller';

/**
 * The public endpoints and the budget each counts against, per client address: lookups
 * (registry API and the pages) and verifications are limited separately, so a page view
 * (one page, one verification) uses one of each.
 */
const BUDGETS = new Map<Type, string>([
  [RegistryController, 'lookup'],
  [WebController, 'lookup'],
  [VerificationsController, 'verification'],
]);

/**
 * Rate limits for the public endpoints only (issue 4): office endpoints sit behind sign-in
 * and have their own throttles. Registered as a global guard, it skips every other route.
 */
@Injectable()
export class PublicThrottlerGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Promise.resolve(!BUDGETS.has(context.getClass()));
  }

  protected override generateKey(context: ExecutionContext, tracker: string, name: string): string {
    return `${BUDGETS.get(context.getClass()) ?? 'other'}:${name}:${tracker}`;
  }

  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const wait = Math.max(1, detail.timeToBlockExpire);
    throw new TooManyAttemptsError(`Too many requests from this address (at most ${detail.limit} a minute). Try again in ${wait} seconds.`, wait, 'RATE_LIMITED');
  }
}
