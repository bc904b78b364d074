import type { FontKey, TextMeasure } from './cjk-fonts';
import { breakLines } from './line-breaking';

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
 * wrapped at sizePt, then at minSizePt (Chinese line breaking, see line-breaking.ts). Long names and employers stay legible and inside their
 * cell; a value that fits nowhere is a layout bug and throws.
 */
export function fitText(text: string, width: number, style: FitStyle, measure: TextMeasure): FittedText {
  for (let size = style.sizePt; size >= style.minSizePt; size -= 0.5) {
    if (measure.width(style.font, text, size) <= width) return { sizePt: size, lines: [text] };
  }
  for (const size of [style.sizePt, style.minSizePt]) {
    const lines = breakLines(text, width, (s) => measure.width(style.font, s, size));
    if (lines.length <= style.maxLines) return { sizePt: size, lines };
  }
  throw new Error(`"${text}" does not fit ${style.maxLines} lines of ${width.toFixed(0)} pt`);
}
