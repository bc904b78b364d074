import { AppError } from '../common/app-error';
import { addWorkingDays, countWorkingDays, isWorkingDay, isYearCovered } from './working-days';

describe('working days (chinese-days)', () => {
  it('knows weekends, official holidays and make-up working days of 2026', () => {
    expect(isWorkingDay('2026-11-27')).toBe(true); // Friday
    expect(isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay('2026-02-16')).toBe(false); // Monday in the Spring Festival holiday
    expect(isWorkingDay('2026-02-14')).toBe(true); // Saturday, make-up working day
    expect(isWorkingDay('2026-02-28')).toBe(true); // Saturday, make-up working day
    expect(isWorkingDay('2026-10-05')).toBe(false); // Monday in the National Day holiday
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, make-up working day
    expect(isWorkingDay('2026-09-20')).toBe(true); // Sunday, make-up working day
  });

  it('counts an ordinary week as 5 working days', () => {
    expect(countWorkingDays('2026-11-23', '2026-11-27')).toBe(5);
    expect(countWorkingDays('2026-11-23', '2026-11-29')).toBe(5);
    expect(countWorkingDays('2026-11-27', '2026-11-23')).toBe(0);
  });

  it('counts across the Spring Festival 2026 (15–23 Feb off; 14 and 28 Feb worked)', () => {
    expect(countWorkingDays('2026-02-09', '2026-02-27')).toBe(6 + 4);
    expect(countWorkingDays('2026-02-13', '2026-02-24')).toBe(3); // Fri 13, Sat 14, Tue 24
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-24', -1)).toBe('2026-02-14');
  });

  it('counts across National Day and Mid-autumn 2026 (25–27 Sep, 1–7 Oct off; 20 Sep and 10 Oct worked)', () => {
    expect(countWorkingDays('2026-09-21', '2026-09-25')).toBe(4); // Friday 25 is Mid-autumn
    expect(countWorkingDays('2026-09-20', '2026-09-24')).toBe(5); // Sunday 20 is worked
    expect(countWorkingDays('2026-09-28', '2026-10-09')).toBe(5);
    expect(countWorkingDays('2026-09-28', '2026-10-08')).toBe(4);
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-10-09', 1)).toBe('2026-10-10');
  });

  it('finds the last day to report 10 working days before a meeting', () => {
    expect(addWorkingDays('2026-12-18', -10)).toBe('2026-12-04');
    expect(addWorkingDays('2026-10-16', -10)).toBe('2026-09-28'); // across National Day
  });

  it('refuses a year without a published holiday schedule rather than count its holidays as worked', () => {
    // chinese-days 1.5.7 ends with 2026: the 2027 notice (Spring Festival 2027, National Day 2027)
    // is not in it yet, so counting into 2027 must fail loudly.
    expect(isYearCovered(2026)).toBe(true);
    expect(isYearCovered(2004)).toBe(true);
    const cross = () => countWorkingDays('2026-12-28', '2027-01-08');
    if (isYearCovered(2027)) {
      expect(isWorkingDay('2027-02-08')).toBe(false); // Spring Festival 2027 (6 Feb)
      expect(isWorkingDay('2027-10-01')).toBe(false);
      expect(cross()).toBeGreaterThan(0);
    } else {
      expect(cross).toThrow(AppError);
      expect(cross).toThrow(/2027/);
      expect(() => isWorkingDay('2027-10-01')).toThrow(
        expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_COVERED', details: { year: 2027 } }),
      );
    }
  });
});
