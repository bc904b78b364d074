/**
 * The claims a credential carries (docs/credential.md). Short member names keep the credential
 * small enough for a QR code. Pure and isomorphic: the browser page validates with this too.
 */
import type { AuthorityId } from '../keys/authority';
import { isCalendarDate } from '../common/formats';
import { CERTIFICATE_NO_PATTERN, isLevel, isSpecialty, type Level, type Specialty } from '../common/qualifications';
import { STATUS_LIST_CAPACITY } from './credential-format';

export function isStatusIndex(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < STATUS_LIST_CAPACITY;
}

export interface CredentialClaims {
  /** Schema version. */
  v: 1;
  /** Certificate number. */
  no: string;
  name: string;
  gender: '男' | '女';
  /** ID number masked to its first 3 and last 4 characters. */
  idm: string;
  /** base64url SHA-256 of (per-certificate salt ‖ ID number); the salt stays in the registry. */
  idh: string;
  emp: string;
  lvl: Level;
  spec: Specialty;
  year: number;
  /** Date the committee passed the holder, YYYY-MM-DD. */
  passed: string;
  /** Approval document number (批准文号). */
  doc: string;
  /** The issuing authorities, always both. */
  iss: AuthorityId[];
  /** Issued-at, seconds since the epoch (a NumericDate, RFC 7519 §2). */
  iat: number;
  /** Index of this certificate in the status list (docs/status-list.md). */
  sl: number;
}

const CLAIM_NAMES = [
  'v',
  'no',
  'name',
  'gender',
  'idm',
  'idh',
  'emp',
  'lvl',
  'spec',
  'year',
  'passed',
  'doc',
  'iss',
  'iat',
  'sl',
];

function isShortText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max && !/\p{Cc}/u.test(value);
}

/** Returns the name of the first claim that breaks the schema, or undefined when all is well. */
export function findClaimsProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '(payload)';
  const claims = value as Record<string, unknown>;
  const extra = Object.keys(claims).find((name) => !CLAIM_NAMES.includes(name));
  if (extra !== undefined) return extra;
  const checks: Array<[string, boolean]> = [
    ['v', claims.v === 1],
    ['no', typeof claims.no === 'string' && CERTIFICATE_NO_PATTERN.test(claims.no)],
    ['name', isShortText(claims.name, 40)],
    ['gender', claims.gender === '男' || claims.gender === '女'],
    ['idm', typeof claims.idm === 'string' && /^\d{3}\*{11}[\dX]{4}$/.test(claims.idm)],
    ['idh', typeof claims.idh === 'string' && /^[A-Za-z0-9_-]{43}$/.test(claims.idh)],
    ['emp', isShortText(claims.emp, 100)],
    ['lvl', isLevel(claims.lvl)],
    ['spec', isSpecialty(claims.spec)],
    ['year', Number.isInteger(claims.year) && (claims.year as number) >= 2000 && (claims.year as number) <= 9999],
    ['passed', isCalendarDate(claims.passed)],
    ['doc', isShortText(claims.doc, 64)],
    [
      'iss',
      Array.isArray(claims.iss) && claims.iss.length === 2 && claims.iss[0] === 'amr' && claims.iss[1] === 'hrss',
    ],
    ['iat', Number.isInteger(claims.iat) && (claims.iat as number) > 0],
    ['sl', isStatusIndex(claims.sl)],
  ];
  return checks.find(([, ok]) => !ok)?.[0];
}
