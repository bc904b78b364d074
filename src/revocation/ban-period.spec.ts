import { banPeriod, barsRound, isWithin } from './ban-period';

describe('banPeriod', () => {
  it('bars 2027-01-01 through 2029-12-31 for an evaluation in 2026', () => {
    expect(banPeriod(2026)).toEqual({ from: '2027-01-01', until: '2029-12-31' });
  });

  it.each([
    ['2026-12-31', false],
    ['2027-01-01', true],
    ['2028-06-30', true],
    ['2029-12-31', true],
    ['2030-01-01', false],
  ])('on %s the 2026 ban is active: %s', (date, active) => {
    expect(isWithin(date, banPeriod(2026))).toBe(active);
  });
});

describe('barsRound', () => {
  const ban2026 = banPeriod(2026);
  it.each([
    [2027, '2026-12-03', true],
    [2029, '2026-12-03', true],
    [2026, '2026-12-03', false],
    [2030, '2029-12-03', true],
    [2030, '2030-01-05', false],
    [2026, '2027-01-05', true],
    [2030, '2029-12-31', true],
  ])('a round of %i, applying on %s: barred %s by the ban of a 2026 evaluation', (year, date, barred) => {
    expect(barsRound(ban2026, year, date)).toBe(barred);
  });
});
