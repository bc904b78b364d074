/**
 * Dates as China reads them, in one place: the day of an instant in China Standard Time, and
 * dates written the Chinese way. Pure and isomorphic: the verification page bundles this file.
 */

/** China Standard Time is UTC+8 all year: mainland China has no daylight saving. */
const CHINA_OFFSET_MS = 8 * 3600_000;

/** The YYYY-MM-DDTHH:MM of an instant in China Standard Time. */
function chinaIso(instant: Date | string | number): string {
  return new Date(new Date(instant).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16);
}

/** `YYYY-MM-DD` of an instant in China: the "today" of every rule that counts days. */
export function chinaDate(instant: Date | string | number): string {
  return chinaIso(instant).slice(0, 10);
}

/** 2026-11-20 → 2026年11月20日 */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** An instant's date in China: 2026年11月27日 */
export function chinaDateOf(instant: Date | string | number): string {
  return chineseDate(chinaIso(instant));
}

/** An instant in China: 2026年11月27日 10:00 */
export function chinaDateTime(instant: Date | string | number): string {
  const iso = chinaIso(instant);
  return `${chineseDate(iso)} ${iso.slice(11, 16)}`;
}

const DIGITS = '〇一二三四五六七八九';

function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
}

/** 2026-11-27 → 二〇二六年十一月二十七日, as dated under an official signature block. */
export function chineseNumeralDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  const year = [...y].map((digit) => DIGITS[Number(digit)]).join('');
  return `${year}年${chineseNumber(Number(m))}月${chineseNumber(Number(d))}日`;
}
