import { TooManyAttemptsError } from '../common/app-error';
import { memoryLimiter } from '../database/rate-limiters';
import { LoginThrottle } from './login-throttle';

/** An attempt that fails its password check, as AuthService makes one. */
const fail = (throttle: LoginThrottle, username: string, address: string) => throttle.begin(username, address);

describe('LoginThrottle', () => {
  it('allows 10 failures a window per username, then refuses until the window passes', async () => {
    const throttle = new LoginThrottle(memoryLimiter, 10, 1);
    for (let i = 0; i < 10; i++) await fail(throttle, 'officer', `10.0.0.${i}`);
    await expect(throttle.begin('officer', '10.0.0.99')).rejects.toBeInstanceOf(TooManyAttemptsError);
    await expect(throttle.begin('another', '10.0.0.98')).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(throttle.begin('officer', '10.0.0.99')).resolves.toBeUndefined();
  });

  it('counts per client address across usernames', async () => {
    const throttle = new LoginThrottle(memoryLimiter, 10, 60);
    for (let i = 0; i < 10; i++) await fail(throttle, `user${i}`, '192.0.2.1');
    const refused = await throttle.begin('fresh-user', '192.0.2.1').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooManyAttemptsError);
    expect((refused as TooManyAttemptsError).retryAfterSeconds).toBeGreaterThan(0);
    await expect(throttle.begin('fresh-user', '192.0.2.2')).resolves.toBeUndefined();
  });

  it('clears the username count on success, so an officer is never locked out for good', async () => {
    const throttle = new LoginThrottle(memoryLimiter, 10, 60);
    for (let i = 0; i < 9; i++) await fail(throttle, 'officer', '198.51.100.1');
    await throttle.begin('officer', '198.51.100.1');
    await throttle.succeeded('officer', '198.51.100.1');
    await fail(throttle, 'officer', '198.51.100.2');
    await expect(throttle.begin('officer', '198.51.100.3')).resolves.toBeUndefined();
  });

  it('lets through no more than the limit of attempts sent at once, and refused ones do not count', async () => {
    const throttle = new LoginThrottle(memoryLimiter, 10, 60);
    const burst = await Promise.allSettled(Array.from({ length: 100 }, () => throttle.begin('victim', '203.0.113.7')));
    expect(burst.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    // The ten that got through succeed: the address has its points back, the username is cleared.
    for (let i = 0; i < 10; i++) await throttle.succeeded('victim', '203.0.113.7');
    await expect(throttle.begin('victim', '203.0.113.7')).resolves.toBeUndefined();
  });
});
