import { RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyAttemptsError } from '../common/app-error';
import { CreateLimiter, Limiter, memoryLimiter } from '../database/rate-limiters';

/**
 * Per client address: at most `failureLimit` failed holder downloads in `failureWindow`
 * seconds (guessing name and ID number for a known certificate number stays hopeless), and at
 * most `requestLimit` downloads a minute (each one costs a render and a signature).
 * With `RateLimiters.shared` the counts are those of every instance on the database.
 */
export class HolderDownloadThrottle {
  private readonly failures: Limiter;
  private readonly requests: Limiter;

  constructor(
    createLimiter: CreateLimiter = memoryLimiter,
    private readonly failureLimit = 10,
    failureWindowSeconds = 15 * 60,
    private readonly requestLimit = 30,
  ) {
    this.failures = createLimiter({ keyPrefix: 'pdf-failure', points: failureLimit, duration: failureWindowSeconds });
    this.requests = createLimiter({ keyPrefix: 'pdf-request', points: requestLimit, duration: 60 });
  }

  /** Counts the request, and refuses it when either limit is used up. */
  async assertAllowed(address: string): Promise<void> {
    const [failures, requests] = await Promise.all([this.failures.get(address), this.requests.penalty(address, 1)]);
    const blocked = [
      failures !== null && failures.consumedPoints >= this.failureLimit ? failures : undefined,
      requests.consumedPoints > this.requestLimit ? requests : undefined,
    ].filter((r): r is RateLimiterRes => r !== undefined);
    if (blocked.length > 0) {
      const wait = Math.max(...blocked.map((r) => Math.ceil(r.msBeforeNext / 1000)), 1);
      throw new TooManyAttemptsError(`Too many certificate downloads. Try again in ${wait} seconds.`, wait);
    }
  }

  async recordFailure(address: string): Promise<void> {
    await this.failures.penalty(address, 1);
  }
}
