import { RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyAttemptsError } from '../common/app-error';
import { CreateLimiter, Limiter, memoryLimiter } from '../database/rate-limiters';

/**
 * Failed logins: at most `limit` a minute per username and per client address. The window
 * slides on by itself, so an attacker can delay a real officer by a minute at most after the
 * attack stops, never lock the account for good; a success clears the username's count.
 * With `RateLimiters.shared` the counts are those of every instance on the database.
 */
export class LoginThrottle {
  private readonly byUsername: Limiter;
  private readonly byAddress: Limiter;

  constructor(
    createLimiter: CreateLimiter = memoryLimiter,
    private readonly limit = 10,
    windowSeconds = 60,
  ) {
    this.byUsername = createLimiter({ keyPrefix: 'login-user', points: limit, duration: windowSeconds });
    this.byAddress = createLimiter({ keyPrefix: 'login-ip', points: limit, duration: windowSeconds });
  }

  /** Refuses before the password is even checked when either count is used up. */
  async assertAllowed(username: string, address: string): Promise<void> {
    const [user, ip] = await Promise.all([this.byUsername.get(username.toLowerCase()), this.byAddress.get(address)]);
    const blocked = [user, ip].filter((r): r is RateLimiterRes => r !== null && r.consumedPoints >= this.limit);
    if (blocked.length > 0) {
      const wait = Math.max(...blocked.map((r) => Math.ceil(r.msBeforeNext / 1000)), 1);
      throw new TooManyAttemptsError(`Too many failed logins. Try again in ${wait} seconds.`, wait);
    }
  }

  async recordFailure(username: string, address: string): Promise<void> {
    await Promise.all([this.byUsername.penalty(username.toLowerCase(), 1), this.byAddress.penalty(address, 1)]);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.byUsername.delete(username.toLowerCase());
  }
}
