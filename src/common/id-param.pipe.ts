import { Injectable, PipeTransform } from '@nestjs/common';
import { AppError } from './app-error';

/** The largest value of the integer id columns (PostgreSQL `integer`). */
const MAX_ID = 2_147_483_647;

/**
 * A numeric id in the address. Nest's ParseIntPipe lets 99999999999 through, which PostgreSQL
 * then refuses as out of range for its integer column — a 500 for a user's typo.
 */
@Injectable()
export class IdParamPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > MAX_ID) {
      throw new AppError('VALIDATION_FAILED', `The id in the address must be a whole number from 1 to ${MAX_ID}.`);
    }
    return Number(value);
  }
}
