import { TooManyAttemptsError } from '../common/app-error';
import { memoryLimiter } from '../database/rate-limiters';
import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  it('allows 10 failures a window per username, then refuses until the window passes', async () => {
    const throttle = new LoginThrottle(memoryLimiter, 10, 1);
    for (let i = 0; i < 10; i++) {
      await throttle.assertAllowed('officer', `10.0.0.${i}`);
      await throttle.recordFailure('officer', `10.0.0.${i}`);
    }
    await expect(throttle.assertAllowed('officer', '10.0.0.99')).rejects.toBeInstanceOf(TooManyAttemptsError);
    await expect(throttle.assertAllowed('another', '10.0.0.98')).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(throttle.assertAllowed('officer', '10.0.0.99')).resolves.toBeUndefined();
  });

  it('counts per client address across usernames', async () => {
    const throttle = new LoginThrottle(memoryLimiter, 10, 60);
    for (let i = 0; i < 10; i++) await throttle.recordFailure(`user${i}`, '192.0.2.1');
    const refused = await throttle.assertAllowed('fresh-user', '192.0.2.1').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooManyAttemptsError);
    expect((refused as TooManyAttemptsError).retryAfterSeconds).toBeGreaterThan(0);
    await expect(throttle.assertAllowed('fresh-user', '192.0.2.2')).resolves.toBeUndefined();
  });

  it('clears the username count on success, so an officer is never locked out for good', async () => {
    const throttle = new LoginThrottle(memoryLimiter, 10, 60);
    for (let i = 0; i < 9; i++) await throttle.recordFailure('officer', '198.51.100.1');
    await throttle.recordSuccess('officer');
    await throttle.recordFailure('officer', '198.51.100.2');
    await expect(throttle.assertAllowed('officer', '198.51.100.3')).resolves.toBeUndefined();
  });
});
