/**
 * Chinese line breaking for the certificate page (GB/T 15834 punctuation, the usual 避头尾 rules
 * of Chinese typesetting): Han text breaks between any two characters, but
 * - closing punctuation never starts a line (避头): it stays with the character before it;
 * - opening punctuation never ends a line (避尾): it stays with the character after it;
 * - a run of Latin letters and digits stays whole;
 * - a paragraph never ends on a line with a single character (a 孤字, such as "效。").
 */

/** Marks that never start a line: closing brackets and quotes, sentence and pause marks. */
export const NO_LINE_START = '，。、；：？！）》」』】〕〗〉’”…—·%,.;:?!)]}';
/** Marks that never end a line: opening brackets and quotes. */
export const NO_LINE_END = '（《「『【〔〖〈‘“([{';

const isPunctuation = (ch: string) => NO_LINE_START.includes(ch) || NO_LINE_END.includes(ch) || /\s/u.test(ch);

/** Characters of a line that are not punctuation or space: what the reader sees as its words. */
function letterCount(line: string): number {
  return [...line].filter((ch) => !isPunctuation(ch)).length;
}

/** The pieces a line may break between: a char or a Latin run, with the marks that cling to it. */
export function breakUnits(text: string): string[] {
  const units: string[] = [];
  let opening = '';
  for (const token of text.match(/[A-Za-z0-9]+|./gsu) ?? []) {
    if (NO_LINE_END.includes(token)) opening += token;
    else if (NO_LINE_START.includes(token) && units.length > 0 && !opening) units[units.length - 1] += token;
    else {
      units.push(opening + token);
      opening = '';
    }
  }
  if (opening) units.push(opening);
  return units;
}

/** Greedy filling of lines within `maxWidth`; a unit wider than a line is cut by character. */
function fillLines(units: string[], maxWidth: number, widthOf: (s: string) => number): string[][] {
  const lines: string[][] = [];
  let current: string[] = [];
  for (const unit of units) {
    if (widthOf([...current, unit].join('')) <= maxWidth) {
      current.push(unit);
      continue;
    }
    if (current.length > 0) lines.push(current);
    current = [];
    for (const piece of widthOf(unit) <= maxWidth ? [unit] : [...unit]) {
      if (current.length > 0 && widthOf([...current, piece].join('')) > maxWidth) {
        lines.push(current);
        current = [];
      }
      current.push(piece);
    }
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/**
 * Breaks `text` into lines no wider than `maxWidth` points, by the rules above. A last line
 * with a single character takes units from the end of the line before it, while that line
 * keeps at least two units and the last line still fits.
 */
export function breakLines(text: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  const lines = fillLines(breakUnits(text), maxWidth, widthOf);
  while (lines.length >= 2 && letterCount(lines[lines.length - 1].join('')) < 2) {
    const last = lines[lines.length - 1];
    const before = lines[lines.length - 2];
    const moved = before[before.length - 1];
    if (before.length < 2 || widthOf(moved + last.join('')) > maxWidth) break;
    before.pop();
    last.unshift(moved);
  }
  return lines.map((units) => units.join(''));
}
