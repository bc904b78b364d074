import { Injectable, PipeTransform } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { SCHEDULE_YEARS } from './schedule-file';

/** A calendar year in the address, e.g. /calendar/years/2027. */
@Injectable()
export class YearParamPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = Number(value);
    if (!/^\d{4}$/.test(value) || year < SCHEDULE_YEARS.first || year > SCHEDULE_YEARS.last) {
      throw new AppError(
        'CALENDAR_INVALID',
        `The year in the address must be a year from ${SCHEDULE_YEARS.first} to ${SCHEDULE_YEARS.last}.`,
        { field: 'year' },
      );
    }
    return year;
  }
}
