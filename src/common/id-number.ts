import { AppError } from './app-error';
import { normalizeTypedCode } from './text-input';

/**
 * Resident identity numbers per GB 11643-1999: 6-digit region, 8-digit birth date,
 * 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

export function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Why an ID number is not valid, or undefined when it is. A lowercase x is not accepted. */
export function idNumberProblem(idNumber: string, today: string): string | undefined {
  if (!/^[1-9]\d{16}[\dX]$/.test(idNumber)) return 'must be 18 characters: 17 digits and a digit or X';
  const birth = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  const [y, m, d] = birth.split('-').map(Number);
  if (y < 1900 || !isRealDate(y, m, d) || birth > today) return 'contains no real birth date';
  if (idNumberCheckCharacter(idNumber) !== idNumber[17]) return 'fails its check character';
  return undefined;
}

/**
 * An ID number as a person typed it, read as every lookup reads one (full-width digits, spaces, a
 * lowercase x: `normalizeTypedCode`), or 400 ID_NUMBER_INVALID saying why it is none.
 */
export function typedIdNumber(typed: string, today: string, details?: Record<string, unknown>): string {
  const idNumber = normalizeTypedCode(typed);
  const problem = idNumberProblem(idNumber, today);
  if (problem) throw new AppError('ID_NUMBER_INVALID', `idNumber ${problem}.`, details);
  return idNumber;
}

export function genderOfIdNumber(idNumber: string): '男' | '女' {
  return Number(idNumber[16]) % 2 === 1 ? '男' : '女';
}

/** The first 3 and last 4 characters; the rest starred (never more is shown in public). */
export function maskIdNumber(idNumber: string): string {
  return idNumber.slice(0, 3) + '*'.repeat(idNumber.length - 7) + idNumber.slice(-4);
}
