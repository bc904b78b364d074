/** An instant as officers read it: Beijing time, 24-hour clock; '' for none, the text itself when unreadable. */
export function beijingTime(instant: string | null): string {
  if (!instant) return '';
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  return at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
