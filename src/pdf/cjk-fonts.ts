import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import { AppError } from '../common/app-error';
import type { CertificateLayout } from './certificate-layout';

export type FontKey = 'regular' | 'bold';
export type Fonts = Record<FontKey, fontkit.Font>;

/**
 * Measures text the way pdfkit will draw it (same fontkit layout, Tc spacing between
 * characters), so the page plan's boxes are the printed boxes.
 */
export interface TextMeasure {
  width(font: FontKey, text: string, sizePt: number, characterSpacingPt?: number): number;
  /** Top of the line box to bottom of the descender; pdfkit puts the baseline at top + ascent. */
  lineHeight(font: FontKey, sizePt: number): number;
  ascent(font: FontKey, sizePt: number): number;
}

const opened = new Map<string, fontkit.Font>();

/**
 * Opens a font named by its npm package path, once per process: parsing a 15 MB CJK font per
 * document costs ~60 ms a page; pdfkit takes the opened font and subsets it per document.
 */
export function openFont(packagePath: string): fontkit.Font {
  const cached = opened.get(packagePath);
  if (cached) return cached;
  const created = fontkit.create(readFileSync(require.resolve(packagePath)));
  if (!('layout' in created)) throw new Error(`${packagePath} is a font collection: name a single font file`);
  opened.set(packagePath, created);
  return created;
}

export function openLayoutFonts(layout: CertificateLayout): Fonts {
  return { regular: openFont(layout.fonts.regular), bold: openFont(layout.fonts.bold) };
}

export function fontMeasure(fonts: Fonts): TextMeasure {
  return {
    width: (font, text, sizePt, characterSpacingPt = 0) => {
      const f = fonts[font];
      const advance = f.layout(text).advanceWidth;
      return (advance / f.unitsPerEm) * sizePt + characterSpacingPt * Math.max(text.length - 1, 0);
    },
    lineHeight: (font, sizePt) => ((fonts[font].ascent - fonts[font].descent) / fonts[font].unitsPerEm) * sizePt,
    ascent: (font, sizePt) => (fonts[font].ascent / fonts[font].unitsPerEm) * sizePt,
  };
}

/** The distinct characters of `text` the font has no glyph for (they would print as empty boxes). */
export function missingCharacters(font: fontkit.Font, text: string): string[] {
  const missing = [...text].filter((ch) => !/\s/u.test(ch) && !font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0));
  return [...new Set(missing)];
}

/**
 * Refuses to print a character the font lacks rather than print an empty box: a certificate
 * with a wrong-looking name is worse than none. No OFL font on npm covers CJK Extension B
 * (e.g. 𠮷 U+20BB7), so such names need a font added to the layout first.
 */
export function assertPrintable(fonts: Fonts, texts: Array<[FontKey, string]>): void {
  const missing = [...new Set(texts.flatMap(([font, text]) => missingCharacters(fonts[font], text)))];
  if (missing.length === 0) return;
  const codePoints = missing.map((ch) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
  throw new AppError(
    'PDF_CHARACTER_UNSUPPORTED',
    `The certificate font has no glyph for ${missing.join(' ')} (${codePoints.join(', ')}); the PDF cannot be printed correctly.`,
    { characters: missing, codePoints },
  );
}
