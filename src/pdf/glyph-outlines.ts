import type * as fontkit from 'fontkit';

/** A PDF transformation matrix [a b c d e f] (ISO 32000-1 §8.3.3), as the `cm` operator takes it. */
export type Matrix = [number, number, number, number, number, number];

/** A number for a content stream: at most `decimals` decimals, no exponent, no "-0". */
export function pdfNumber(n: number, decimals = 2): string {
  const rounded = Number(n.toFixed(decimals));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** A `cm` operator; its scale factors (font units to points, ~0.015) need more decimals than coordinates. */
export function cmOperator(m: Matrix): string {
  return `${m.map((v, i) => pdfNumber(v, i < 4 ? 6 : 3)).join(' ')} cm`;
}

const point = (x: number, y: number) => `${pdfNumber(x)} ${pdfNumber(y)}`;

/**
 * One glyph's outline as PDF path operators (m, l, c, h) in font units, origin on the baseline
 * at the glyph's left edge. TrueType quadratic segments become cubic ones (the PDF has no
 * quadratic operator): control points at two thirds towards the quadratic control point.
 */
function glyphOps(glyph: fontkit.Glyph, dx: number): string[] {
  const ops: string[] = [];
  let x0 = 0;
  let y0 = 0;
  for (const { command, args } of glyph.path.commands) {
    const a = args.map((v, i) => (i % 2 === 0 ? v + dx : v));
    if (command === 'moveTo' || command === 'lineTo') {
      ops.push(`${point(a[0], a[1])} ${command === 'moveTo' ? 'm' : 'l'}`);
      [x0, y0] = a;
    } else if (command === 'quadraticCurveTo') {
      const [qx, qy, x, y] = a;
      const c1 = point(x0 + ((qx - x0) * 2) / 3, y0 + ((qy - y0) * 2) / 3);
      const c2 = point(x + ((qx - x) * 2) / 3, y + ((qy - y) * 2) / 3);
      ops.push(`${c1} ${c2} ${point(x, y)} c`);
      [x0, y0] = [x, y];
    } else if (command === 'bezierCurveTo') {
      ops.push(`${point(a[0], a[1])} ${point(a[2], a[3])} ${point(a[4], a[5])} c`);
      [x0, y0] = [a[4], a[5]];
    } else {
      ops.push('h');
    }
  }
  return ops;
}

export interface Outline {
  /** Path operators in font units; fill with `f` (TrueType outlines use the non-zero rule). */
  ops: string;
  /** Advance width in font units. */
  width: number;
}

/**
 * Text as filled vector outlines rather than as text: a seal or a sample mark is artwork, so
 * it needs no font in the PDF, cannot be edited as text and does not mix into the page's text.
 */
export function textOutline(font: fontkit.Font, text: string): Outline {
  const run = font.layout(text);
  const ops: string[] = [];
  let x = 0;
  run.glyphs.forEach((glyph, i) => {
    ops.push(...glyphOps(glyph, x + run.positions[i].xOffset));
    x += run.positions[i].xAdvance;
  });
  return { ops: ops.join('\n'), width: x };
}

/** The ideographic em box of a CJK font (OS/2 typo ascender/descender), in font units. */
export function emBox(font: fontkit.Font): { top: number; bottom: number } {
  const os2 = (font as unknown as { 'OS/2'?: { typoAscender: number; typoDescender: number } })['OS/2'];
  return os2 ? { top: os2.typoAscender, bottom: os2.typoDescender } : { top: font.ascent, bottom: font.descent };
}
