import { chinaDate, chinaDateOf, chinaDateTime, chineseDate, chineseNumeralDate } from './china-dates';

describe('dates in China', () => {
  it('takes the day of an instant in UTC+8, all year round', () => {
    expect(chinaDate(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
    expect(chinaDate(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
    expect(chinaDate('2026-07-01T16:00:00Z')).toBe('2026-07-02');
  });

  it('writes dates as on the certificate, instants in China time', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(chinaDateOf('2026-11-26T20:00:00Z')).toBe('2026年11月27日');
    expect(chinaDateTime('2026-11-27T17:30:00Z')).toBe('2026年11月28日 01:30');
  });

  it('writes dates in Chinese numerals under the issuers', () => {
    expect(chineseNumeralDate('2026-11-27')).toBe('二〇二六年十一月二十七日');
    expect(chineseNumeralDate('2030-10-10')).toBe('二〇三〇年十月十日');
    expect(chineseNumeralDate('2026-01-31')).toBe('二〇二六年一月三十一日');
  });
});
