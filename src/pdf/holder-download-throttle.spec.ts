import { TooManyAttemptsError } from '../common/app-error';
import { memoryLimiter, type Limiter } from '../database/rate-limiters';
import { HolderDownloadThrottle } from './holder-download-throttle';

describe('HolderDownloadThrottle', () => {
  it('lets through no more than the failure limit of guesses sent at once', async () => {
    const throttle = new HolderDownloadThrottle(memoryLimiter, 10, 900, 1000);
    const burst = await Promise.allSettled(Array.from({ length: 50 }, () => throttle.begin('203.0.113.9')));
    expect(burst.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect(burst.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(TooManyAttemptsError) });
  });

  it('counts no failure for a download whose holder matched', async () => {
    const throttle = new HolderDownloadThrottle(memoryLimiter, 3, 900, 1000);
    for (let i = 0; i < 20; i++) {
      await throttle.begin('198.51.100.4');
      await throttle.matched('198.51.100.4');
    }
    for (let i = 0; i < 3; i++) await throttle.begin('198.51.100.4');
    await expect(throttle.begin('198.51.100.4')).rejects.toBeInstanceOf(TooManyAttemptsError);
  });

  it('refuses past the requests a minute, without counting the refused ones as failures', async () => {
    const made: Limiter[] = [];
    const throttle = new HolderDownloadThrottle(
      (options) => {
        const limiter = memoryLimiter(options);
        made.push(limiter);
        return limiter;
      },
      10,
      900,
      5,
    );
    const failures = made[0];
    await throttle.begin('192.0.2.8'); // a wrong guess
    for (let i = 0; i < 4; i++) {
      await throttle.begin('192.0.2.8');
      await throttle.matched('192.0.2.8');
    }
    for (let i = 0; i < 20; i++) await expect(throttle.begin('192.0.2.8')).rejects.toBeInstanceOf(TooManyAttemptsError);
    expect((await failures.get('192.0.2.8'))?.consumedPoints).toBe(1);
  });
});
