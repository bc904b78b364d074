import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import { AppError } from '../common/app-error';
import type { CertificateLayout } from './certificate-layout';
import { codePointLabel } from '../common/text-input';
import { missingCharacters, splitRuns } from './font-runs';

export type FontKey = 'regular' | 'bold';

/** The layout's two fonts, and the fallback fonts both share (PDF_FALLBACK_FONTS). */
export interface Fonts {
  regular: fontkit.Font;
  bold: fontkit.Font;
  /**
   * Opened on first use (see `lazyFontList`): index one only when a text needs it. Never spread
   * or iterate it whole, which would open every file.
   */
  fallbacks: readonly fontkit.Font[];
}

/** One run of a text box: the registered font it is drawn with, and its offset from the box. */
export interface TextRun {
  font: string;
  text: string;
  dx: number;
  /** Moves the run so its baseline meets the layout font's (fonts differ in ascent). */
  dy: number;
}

/**
 * Measures text the way pdfkit will draw it (same fontkit layout, Tc spacing between
 * characters), so the page plan's boxes are the printed boxes.
 */
export interface TextMeasure {
  width(font: FontKey, text: string, sizePt: number, characterSpacingPt?: number): number;
  /** Top of the line box to bottom of the descender; pdfkit puts the baseline at top + ascent. */
  lineHeight(font: FontKey, sizePt: number): number;
  ascent(font: FontKey, sizePt: number): number;
  /** The text split into runs of one font each, placed along the line. */
  runs(font: FontKey, text: string, sizePt: number, characterSpacingPt?: number): TextRun[];
}

const opened = new Map<string, fontkit.Font>();

/**
 * Opens a font file once per process: parsing a 15 MB CJK font per document costs ~60 ms a
 * page; pdfkit takes the opened font and subsets it per document.
 */
export function openFontFile(path: string): fontkit.Font {
  const cached = opened.get(path);
  if (cached) return cached;
  const created = fontkit.create(readFileSync(path));
  if (!('layout' in created)) throw new Error(`${path} is a font collection: name a single font file`);
  opened.set(path, created);
  return created;
}

/** Opens a font named by its npm package path. */
export function openFont(packagePath: string): fontkit.Font {
  return openFontFile(require.resolve(packagePath));
}

/**
 * `first`, then each of `rest` opened only when its index is first read. The fallback fonts
 * (HanaMin A and B: 53 MB) draw only characters Noto lacks, which few names have: opened at
 * start they cost every process (service and CLI) 53 MB and ~30 ms for nothing.
 */
function lazyFontList(first: fontkit.Font[], rest: ReadonlyArray<() => fontkit.Font>): readonly fontkit.Font[] {
  const list = [...first];
  rest.forEach((open, i) => Object.defineProperty(list, first.length + i, { enumerable: true, get: open }));
  return list;
}

export function openLayoutFonts(layout: CertificateLayout, fallbackPaths: readonly string[] = []): Fonts {
  return {
    regular: openFont(layout.fonts.regular),
    bold: openFont(layout.fonts.bold),
    fallbacks: lazyFontList(
      [],
      fallbackPaths.map((path) => () => openFontFile(path)),
    ),
  };
}

/** The layout's font first, then the fallbacks (still unopened): the order glyphs are looked up in. */
export function fontChain(fonts: Fonts, key: FontKey): readonly fontkit.Font[] {
  const chains = chainsOf.get(fonts) ?? new Map<FontKey, readonly fontkit.Font[]>();
  chainsOf.set(fonts, chains);
  let chain = chains.get(key);
  if (!chain) {
    const fallbacks = Array.from({ length: fonts.fallbacks.length }, (_, i) => () => fonts.fallbacks[i]);
    chain = lazyFontList([fonts[key]], fallbacks);
    chains.set(key, chain);
  }
  return chain;
}

/** Every measured text looks its characters up in a chain: built once per font set. */
const chainsOf = new WeakMap<Fonts, Map<FontKey, readonly fontkit.Font[]>>();

/** The name a font of a chain is registered under in a PDF document (see CertificateRenderer). */
export function registeredFontName(key: FontKey, chainIndex: number): string {
  return chainIndex === 0 ? key : `fallback-${chainIndex}`;
}

const scaled = (font: fontkit.Font, units: number, sizePt: number) => (units / font.unitsPerEm) * sizePt;

/**
 * OpenType features of letter-spaced text: no kerning. Kerning pairs inside a Tc-spaced run
 * make pdftotext split words ("PROFE SSIONAL"); tracked capitals are not kerned anyway.
 */
export const LETTER_SPACED_FEATURES: Record<string, boolean> = { kern: false };

/** The features a run is laid out with: the font's defaults, or no kerning when letter-spaced. */
export const layoutFeatures = (spacing: number) => (spacing > 0 ? LETTER_SPACED_FEATURES : undefined);

function placeRuns(
  fonts: Fonts,
  key: FontKey,
  text: string,
  sizePt: number,
  spacing: number,
): { runs: TextRun[]; width: number } {
  const chain = fontChain(fonts, key);
  const baseline = scaled(fonts[key], fonts[key].ascent, sizePt);
  let dx = 0;
  const runs = splitRuns(text, chain).map((run) => {
    const font = chain[run.font];
    const placed = {
      font: registeredFontName(key, run.font),
      text: run.text,
      dx,
      dy: baseline - scaled(font, font.ascent, sizePt),
    };
    dx +=
      scaled(font, font.layout(run.text, layoutFeatures(spacing)).advanceWidth, sizePt) +
      spacing * [...run.text].length;
    return placed;
  });
  // Tc follows every character; the last one's is not part of the text's width.
  return { runs, width: runs.length === 0 ? 0 : dx - spacing };
}

export function fontMeasure(fonts: Fonts): TextMeasure {
  return {
    width: (key, text, sizePt, characterSpacingPt = 0) => placeRuns(fonts, key, text, sizePt, characterSpacingPt).width,
    lineHeight: (key, sizePt) => scaled(fonts[key], fonts[key].ascent - fonts[key].descent, sizePt),
    ascent: (key, sizePt) => scaled(fonts[key], fonts[key].ascent, sizePt),
    runs: (key, text, sizePt, characterSpacingPt = 0) => placeRuns(fonts, key, text, sizePt, characterSpacingPt).runs,
  };
}

/** The characters some font chain cannot draw, as an error naming them and the field. */
export function unprintableError(
  chains: ReadonlyArray<readonly fontkit.Font[]>,
  text: string,
  field?: string,
): AppError | undefined {
  const characters = [...new Set(chains.flatMap((chain) => missingCharacters(chain, text)))];
  if (characters.length === 0) return undefined;
  const codePoints = characters.map(codePointLabel);
  const where = field ? `${field} has` : 'The certificate text has';
  return new AppError(
    'PDF_CHARACTER_UNSUPPORTED',
    `${where} ${characters.join(' ')} (${codePoints.join(', ')}), which no certificate font can draw; the PDF cannot be printed correctly.`,
    { ...(field ? { field } : {}), characters, codePoints },
  );
}

/**
 * Refuses to print a character no font has rather than print an empty box: a certificate
 * with a wrong-looking name is worse than none. Issuance refuses such text first
 * (CertificateFontsService); this guards records issued under another font configuration.
 */
export function assertPrintable(fonts: Fonts, texts: Array<[FontKey, string]>): void {
  const byFont = (key: FontKey) =>
    texts
      .filter(([font]) => font === key)
      .map(([, text]) => text)
      .join('');
  for (const key of ['regular', 'bold'] as const) {
    const error = unprintableError([fontChain(fonts, key)], byFont(key));
    if (error) throw error;
  }
}
