import { AppError } from '../common/app-error';

/** What an office account's username may be. */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const USERNAME_RULE = 'username must be 3–64 characters of a-z, 0-9, dot, dash or underscore.';
export const PASSWORD_RULE = 'password must be 12 to 256 characters long.';

export function assertPasswordShape(password: string): void {
  if (password.length < 12 || password.length > 256) throw new AppError('OFFICER_INVALID', PASSWORD_RULE);
  // Twelve NUL bytes are twelve characters, not a password; no one types a control character.
  if (/\p{Cc}/u.test(password)) throw new AppError('OFFICER_INVALID', 'password must not contain control characters.');
}
