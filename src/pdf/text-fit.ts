import type { FontKey, TextMeasure } from './cjk-fonts';

/** Closing punctuation never starts a line (GB/T 15834 line-breaking practice). */
const NO_LINE_START = /^[，。、；：？！）》」』】〕’”%,.;:?!)\]·]$/u;

/** Han text breaks between any two characters; runs of Latin letters and digits stay whole. */
function breakUnits(text: string): string[] {
  const units: string[] = [];
  for (const token of text.match(/[A-Za-z0-9]+|./gsu) ?? []) {
    if (units.length > 0 && NO_LINE_START.test(token)) units[units.length - 1] += token;
    else units.push(token);
  }
  return units;
}

/** Greedy line breaking within `maxWidth` points; a unit wider than a line is cut by character. */
export function wrapText(text: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const unit of breakUnits(text)) {
    if (widthOf(current + unit) <= maxWidth) {
      current += unit;
      continue;
    }
    if (current) lines.push(current);
    current = '';
    for (const ch of widthOf(unit) <= maxWidth ? [unit] : [...unit]) {
      if (current && widthOf(current + ch) > maxWidth) {
        lines.push(current);
        current = '';
      }
      current += ch;
    }
  }
  if (current) lines.push(current);
  return lines;
}

export interface FitStyle {
  font: FontKey;
  sizePt: number;
  minSizePt: number;
  maxLines: number;
}

export interface FittedText {
  sizePt: number;
  lines: string[];
}

/**
 * One line at the largest size from sizePt down to minSizePt (half-point steps); failing that,
 * wrapped at sizePt, then at minSizePt. Long names and employers stay legible and inside their
 * cell; a value that fits nowhere is a layout bug and throws.
 */
export function fitText(text: string, width: number, style: FitStyle, measure: TextMeasure): FittedText {
  for (let size = style.sizePt; size >= style.minSizePt; size -= 0.5) {
    if (measure.width(style.font, text, size) <= width) return { sizePt: size, lines: [text] };
  }
  for (const size of [style.sizePt, style.minSizePt]) {
    const lines = wrapText(text, width, (s) => measure.width(style.font, s, size));
    if (lines.length <= style.maxLines) return { sizePt: size, lines };
  }
  throw new Error(`"${text}" does not fit ${style.maxLines} lines of ${width.toFixed(0)} pt`);
}
