import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addWorkingDays, countWorkingDays, isWorkingDay } from '../evaluation/working-days';
import { HolidayCalendar, PACKAGE_CALENDAR, packageYears, YearSchedule } from './holiday-calendar';

const EXAMPLE_2027 = JSON.parse(
  readFileSync(join(__dirname, '../../docs/examples/calendar-2027.json'), 'utf8'),
) as YearSchedule;

describe('holiday calendar: imported schedules over chinese-days', () => {
  const calendar = new HolidayCalendar([EXAMPLE_2027]);

  it('refuses 2027 without an import, naming the year and how to import it', () => {
    // chinese-days 1.5.7 ends with 2026; a later release covering 2027 makes this test moot, not wrong.
    if (PACKAGE_CALENDAR.sourceOf(2027) !== undefined) return;
    expect(() => isWorkingDay('2027-03-01')).toThrow(
      expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_COVERED', details: { year: 2027 } }),
    );
    expect(() => isWorkingDay('2027-03-01')).toThrow(/import.*2027.*calendar:import/);
    expect(() => countWorkingDays('2026-12-28', '2027-01-08')).toThrow(/2027/);
  });

  it('counts 2027 on the imported schedule: holidays off, make-up weekend days worked, other weekends off', () => {
    expect(calendar.sourceOf(2027)).toBe('imported');
    expect(isWorkingDay('2027-02-08', calendar)).toBe(false); // Monday in the Spring Festival holiday
    expect(isWorkingDay('2027-01-31', calendar)).toBe(true); // Sunday, make-up working day
    expect(isWorkingDay('2027-02-20', calendar)).toBe(true); // Saturday, make-up working day
    expect(isWorkingDay('2027-02-27', calendar)).toBe(false); // an ordinary Saturday
    expect(isWorkingDay('2027-03-01', calendar)).toBe(true); // an ordinary Monday
    // Mon 1 to Fri 12 Feb: only 1–4 Feb are worked (5–13 Feb off).
    expect(countWorkingDays('2027-02-01', '2027-02-12', calendar)).toBe(4);
    expect(countWorkingDays('2027-02-01', '2027-02-15', calendar)).toBe(5);
    // Across National Day: 27–30 Sep worked, 1–7 Oct off, Fri 8 and Sat 9 Oct worked.
    expect(countWorkingDays('2027-09-27', '2027-10-08', calendar)).toBe(5);
    expect(addWorkingDays('2027-09-30', 1, calendar)).toBe('2027-10-08');
    expect(addWorkingDays('2027-10-08', 1, calendar)).toBe('2027-10-09');
    // Across the turn of the year: the package's 2026, then the imported 2027 (1–3 Jan off).
    expect(countWorkingDays('2026-12-28', '2027-01-08', calendar)).toBe(4 + 5);
  });

  it('takes an imported year over the package: a correction of 2026 wins', () => {
    expect(isWorkingDay('2026-11-27', calendar)).toBe(true); // 2026 is still the package's
    const corrected = new HolidayCalendar([
      { year: 2026, holidays: ['2026-01-01', '2026-11-27'], makeUpWorkingDays: ['2026-11-28'] },
    ]);
    expect(corrected.sourceOf(2026)).toBe('imported');
    expect(isWorkingDay('2026-11-27', corrected)).toBe(false);
    expect(isWorkingDay('2026-11-28', corrected)).toBe(true);
    // The whole year is the import's: the package's Spring Festival 2026 no longer applies.
    expect(isWorkingDay('2026-02-16', corrected)).toBe(true);
    expect(isWorkingDay('2026-02-16')).toBe(false);
    expect(corrected.sourceOf(2025)).toBe('package');
  });

  it('knows which years the package covers', () => {
    const years = packageYears();
    expect(years[0]).toBe(2004);
    expect(years).toContain(2026);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => 2004 + i));
  });
});
