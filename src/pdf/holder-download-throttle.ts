import { RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyAttemptsError } from '../common/app-error';
import { CreateLimiter, Limiter, memoryLimiter } from '../database/rate-limiters';

/**
 * Per client address: at most `failureLimit` failed holder downloads in `failureWindow`
 * seconds (guessing name and ID number for a known certificate number stays hopeless), and at
 * most `requestLimit` downloads a minute (each one costs a render and a signature).
 * With `RateLimiters.shared` the counts are those of every instance on the database.
 *
 * A download counts as a failure before the holder is looked up, and gives the point back when
 * the holder matches or the request is refused: counted after the lookup, guesses sent in
 * parallel would all pass the check before any failure was recorded.
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

  /** Counts the request, and a failure until it matches; refuses it when either limit is used up. */
  async begin(address: string): Promise<void> {
    const [failures, requests] = await Promise.all([
      this.failures.penalty(address, 1),
      this.requests.penalty(address, 1),
    ]);
    const blocked = [
      failures.consumedPoints > this.failureLimit ? failures : undefined,
      requests.consumedPoints > this.requestLimit ? requests : undefined,
    ].filter((r): r is RateLimiterRes => r !== undefined);
    if (blocked.length === 0) return;
    // A refused request guessed nothing: it is no failure (it still counts as a request).
    await this.failures.reward(address, 1);
    const wait = Math.max(...blocked.map((r) => Math.ceil(r.msBeforeNext / 1000)), 1);
    throw new TooManyAttemptsError(`Too many certificate downloads. Try again in ${wait} seconds.`, wait);
  }

  /** The holder matched: no failure. */
  async matched(address: string): Promise<void> {
    await this.failures.reward(address, 1);
  }
}
