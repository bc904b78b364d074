/**
 * The short claim set of the QR token (docs/qr-token.md): what the verification page shows
 * offline. One-letter names and codes keep the QR at version 20 or below; the registry
 * supplies the rest. Pure and isomorphic.
 */
import { isCalendarDate } from '../common/formats';
import {
  CERTIFICATE_NO_PATTERN,
  isLevelCode,
  isSpecialtyCode,
  type LevelCode,
  type SpecialtyCode,
} from '../common/qualifications';
import { isStatusIndex } from './credential-claims';

export interface TokenClaims {
  v: 1;
  /** Certificate number. */
  no: string;
  /** Holder name. */
  n: string;
  /** Level code: Z 正高级工程师, G 高级工程师 (as in the certificate number). */
  l: LevelCode;
  /** Specialty code: Q 质量, M 计量, S 标准化, E 特种设备. */
  s: SpecialtyCode;
  /** Passed date, YYYY-MM-DD. */
  p: string;
  /** Issued-at, seconds since the epoch. */
  i: number;
  /** The first 16 bytes (base64url) of the credential's ID hash binding. */
  h: string;
  /** Index in the status list, as the credential's `sl`. */
  x: number;
}

const NAMES = ['v', 'no', 'n', 'l', 's', 'p', 'i', 'h', 'x'];

/** The first claim that breaks the token schema, or undefined. */
export function findTokenClaimsProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '(payload)';
  const c = value as Record<string, unknown>;
  const extra = Object.keys(c).find((name) => !NAMES.includes(name));
  if (extra !== undefined) return extra;
  const checks: Array<[string, boolean]> = [
    ['v', c.v === 1],
    ['no', typeof c.no === 'string' && CERTIFICATE_NO_PATTERN.test(c.no)],
    ['n', typeof c.n === 'string' && c.n.length > 0 && c.n.length <= 40 && !/\p{Cc}/u.test(c.n)],
    ['l', isLevelCode(c.l)],
    ['s', isSpecialtyCode(c.s)],
    ['p', isCalendarDate(c.p)],
    ['i', Number.isInteger(c.i) && (c.i as number) > 0],
    ['h', typeof c.h === 'string' && /^[A-Za-z0-9_-]{22}$/.test(c.h)],
    ['x', isStatusIndex(c.x)],
  ];
  return checks.find(([, ok]) => !ok)?.[0];
}
