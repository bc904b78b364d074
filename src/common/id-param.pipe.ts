import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { AppError } from './app-error';

/** The largest value of the integer id columns (PostgreSQL `integer`). */
export const MAX_ID = 2_147_483_647;

/** Canonical decimal: no sign, spaces, leading zeros, exponent or hex; at most 10 digits. */
const CANONICAL_INTEGER = /^(?:0|[1-9]\d{0,9})$/;

/** The integer a text spells in canonical decimal, from 0 to MAX_ID; undefined for anything else. */
export function canonicalInteger(value: unknown): number | undefined {
  if (typeof value !== 'string' || !CANONICAL_INTEGER.test(value)) return undefined;
  const n = Number(value);
  return n <= MAX_ID ? n : undefined;
}

/** The id a text spells in canonical decimal, from 1 to MAX_ID; undefined for anything else. */
export function canonicalId(value: unknown): number | undefined {
  const id = canonicalInteger(value);
  return id === undefined || id === 0 ? undefined : id;
}

/**
 * A numeric id in the address, for every `:id`-like route parameter. Only the canonical
 * spelling is an id: `1e3`, ` 1`, `0x1` and `01` would otherwise reach a record the address
 * does not name, and 99999999999 would reach PostgreSQL, which refuses it for its integer
 * column (a 500 for a user's typo).
 */
@Injectable()
export class IdParamPipe implements PipeTransform<unknown, number> {
  transform(value: unknown, metadata: ArgumentMetadata): number {
    const id = canonicalId(value);
    if (id === undefined) {
      const name = metadata.data ?? 'id';
      throw new AppError(
        'VALIDATION_FAILED',
        `${name} in the address must be a whole number from 1 to ${MAX_ID}, written in plain digits.`,
        { parameter: name },
      );
    }
    return id;
  }
}
