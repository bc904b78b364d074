import { RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyAttemptsError } from '../common/app-error';
import { CreateLimiter, Limiter, memoryLimiter } from '../database/rate-limiters';

/**
 * Failed logins: at most `limit` a minute per username and per client address. The window
 * slides on by itself, so an attacker can delay a real officer by a minute at most after the
 * attack stops, never lock the account for good; a success clears the username's count.
 * With `RateLimiters.shared` the counts are those of every instance on the database.
 *
 * An attempt is counted before its password is checked, and gives its point back when it
 * succeeds or is refused: counted after the check, a burst of attempts sent in parallel all
 * passed the check before any failure was recorded (100 guesses against a limit of 10).
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

  /** Counts the attempt as a failure until it succeeds; refuses it when either count is used up. */
  async begin(username: string, address: string): Promise<void> {
    const user = username.toLowerCase();
    const counts = await Promise.all([this.byUsername.penalty(user, 1), this.byAddress.penalty(address, 1)]);
    const blocked = counts.filter((r: RateLimiterRes) => r.consumedPoints > this.limit);
    if (blocked.length === 0) return;
    // A refused attempt checked nothing: it does not count.
    await Promise.all([this.byUsername.reward(user, 1), this.byAddress.reward(address, 1)]);
    const wait = Math.max(...blocked.map((r) => Math.ceil(r.msBeforeNext / 1000)), 1);
    throw new TooManyAttemptsError(`Too many failed logins. Try again in ${wait} seconds.`, wait);
  }

  /** The password was right: the username's count is cleared and the address gets its point back. */
  async succeeded(username: string, address: string): Promise<void> {
    await Promise.all([this.byUsername.delete(username.toLowerCase()), this.byAddress.reward(address, 1)]);
  }
}
