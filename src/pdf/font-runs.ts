import type { Font } from 'fontkit';

/** A stretch of text drawn with one font of a chain: 0 is the layout's font, 1… the fallbacks. */
export interface FontRun {
  font: number;
  text: string;
}

/**
 * Spaces and combining marks have no script of their own: they stay in the font of the
 * character before them (when it has them), so a fallback glyph never breaks a mark off its base.
 */
const FOLLOWS_PREVIOUS = /^[\s\p{M}]$/u;

/** Code points remembered per font: the distinct characters of real text, a few thousand. */
const REMEMBERED_CODE_POINTS = 65_536;
const glyphKnown = new WeakMap<Font, Map<number, boolean>>();

/**
 * Whether the font has a glyph for the code point. Fonts never change, so the answer is kept:
 * fontkit's cmap lookup cost an issuance ~4 % of its CPU (every issuance checks its printed
 * fields). Bounded against text made of ever new code points: a full map starts over.
 */
function hasGlyph(font: Font, codePoint: number): boolean {
  let known = glyphKnown.get(font);
  if (!known) glyphKnown.set(font, (known = new Map<number, boolean>()));
  let has = known.get(codePoint);
  if (has === undefined) {
    if (known.size >= REMEMBERED_CODE_POINTS) known.clear();
    has = font.hasGlyphForCodePoint(codePoint);
    known.set(codePoint, has);
  }
  return has;
}

/** The first font of the chain with a glyph for the code point, or -1 when none has one. */
export function fontIndexFor(chain: readonly Font[], codePoint: number): number {
  return chain.findIndex((font) => hasGlyph(font, codePoint));
}

/**
 * Splits text into runs of one font each, character by character: the layout's font wherever
 * it has the glyph, a fallback only where it does not. A character no font has stays with the
 * layout's font (it is refused before drawing; see `missingCharacters`).
 */
export function splitRuns(text: string, chain: readonly Font[]): FontRun[] {
  const runs: FontRun[] = [];
  for (const ch of text) {
    const codePoint = ch.codePointAt(0) ?? 0;
    const last = runs.at(-1);
    const keep = last !== undefined && FOLLOWS_PREVIOUS.test(ch) && hasGlyph(chain[last.font], codePoint);
    const font = keep ? last.font : Math.max(fontIndexFor(chain, codePoint), 0);
    if (last?.font === font) last.text += ch;
    else runs.push({ font, text: ch });
  }
  return runs;
}

/** The distinct characters of `text` no font of the chain has (they would print as empty boxes). */
export function missingCharacters(chain: readonly Font[], text: string): string[] {
  const missing = [...text].filter((ch) => !/\s/u.test(ch) && fontIndexFor(chain, ch.codePointAt(0) ?? 0) < 0);
  return [...new Set(missing)];
}
