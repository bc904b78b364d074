import type { AuthorityId } from '../keys/authority';
import { AUTHORITY_IDS, AUTHORITY_NAMES } from '../keys/authority';
import { fillPlaceholders } from './certificate-fields';
import { resolveColour, type CertificateLayout, type FieldName } from './certificate-layout';
import type { FontKey, TextMeasure, TextRun } from './cjk-fonts';
import { fitText } from './text-fit';

/** PDF points per millimetre. */
export const MM = 72 / 25.4;

/** One line of text at its printed place; x, y is the top-left of its line box, in points. */
export interface TextBox {
  role: string;
  text: string;
  font: FontKey;
  sizePt: number;
  colour: string;
  characterSpacingPt: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The text by font: the layout's font, and a fallback only for characters it lacks. */
  runs: TextRun[];
}

export interface RuleLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  colour: string;
  widthPt: number;
}

/** An authority's seal over its name: the square it is drawn in, top-left corner and side. */
export interface SealPlacement {
  authority: AuthorityId;
  /** The full name on the seal's arc. */
  name: string;
  x: number;
  y: number;
  diameterPt: number;
  /** 样本 under the star: development keys only. */
  sample?: string;
}

/** The diagonal mark across a development PDF's page, centred on the page. */
export interface SampleMark {
  text: string;
  heightPt: number;
  angleDegrees: number;
  colour: string;
  opacity: number;
}

/** Everything on the page but the border ornaments, in points from the top-left corner. */
export interface PagePlan {
  widthPt: number;
  heightPt: number;
  texts: TextBox[];
  lines: RuleLine[];
  /** The QR symbol's top-left and side, and the quiet zone kept clear around it. */
  qr: { x: number; y: number; symbolPt: number; quietZonePt: number; colour: string };
  /** One per authority, in the order of src/keys/authority.ts: the order they sign in. */
  seals: SealPlacement[];
  sampleMark?: SampleMark;
}

export interface PageOptions {
  /** Development keys sign this PDF: every page says 样本, and so does every seal. */
  development: boolean;
}

interface Style {
  font: FontKey;
  sizePt: number;
  colour: string;
}

interface Planner {
  layout: CertificateLayout;
  measure: TextMeasure;
  texts: TextBox[];
  lines: RuleLine[];
}

function place(p: Planner, role: string, text: string, style: Style, x: number, y: number, spacing = 0): TextBox {
  const box: TextBox = {
    role,
    text,
    font: style.font,
    sizePt: style.sizePt,
    colour: resolveColour(p.layout, style.colour),
    characterSpacingPt: spacing,
    x,
    y,
    width: p.measure.width(style.font, text, style.sizePt, spacing),
    height: p.measure.lineHeight(style.font, style.sizePt),
    runs: p.measure.runs(style.font, text, style.sizePt, spacing),
  };
  p.texts.push(box);
  return box;
}

function centred(
  p: Planner,
  role: string,
  text: string,
  style: Style,
  y: number,
  spacing = 0,
  centreX = (p.layout.page.widthMm * MM) / 2,
): TextBox {
  const width = p.measure.width(style.font, text, style.sizePt, spacing);
  return place(p, role, text, style, centreX - width / 2, y, spacing);
}

function planHeader(p: Planner): void {
  const { title, subtitle, rule, page } = p.layout;
  centred(p, 'title', title.text, title, title.topMm * MM, title.characterSpacingPt);
  centred(p, 'subtitle', subtitle.text, subtitle, subtitle.topMm * MM, subtitle.characterSpacingPt);
  const half = (rule.widthMm * MM) / 2;
  const centre = (page.widthMm * MM) / 2;
  p.lines.push({
    x1: centre - half,
    y1: rule.topMm * MM,
    x2: centre + half,
    y2: rule.topMm * MM,
    colour: resolveColour(p.layout, rule.colour),
    widthPt: rule.widthPt,
  });
}

/** A label spread evenly across the label column (分散对齐), shrunk if it is longer than the column. */
function planLabel(p: Planner, label: string, x: number, baseline: number): void {
  const { label: style, labelWidthMm } = p.layout.fields;
  const width = labelWidthMm * MM;
  let size = style.sizePt;
  while (size > 6 && p.measure.width(style.font, label, size) > width) size -= 0.5;
  const chars = [...label].length;
  const spacing = chars > 1 ? (width - p.measure.width(style.font, label, size)) / (chars - 1) : 0;
  place(p, 'label', label, { ...style, sizePt: size }, x, baseline - p.measure.ascent(style.font, size), spacing);
}

/** The label/value rows, `rowHeight` points apart; returns the y below the last row. */
function planRows(p: Planner, fields: Record<FieldName, string>, rowHeight: number): number {
  const f = p.layout.fields;
  const valueX = (f.leftMm + f.labelWidthMm + f.gapMm) * MM;
  const valueWidth = f.rightMm * MM - valueX;
  let rowTop = f.topMm * MM;
  for (const row of f.rows) {
    const fitted = fitText(fields[row.field], valueWidth, f.value, p.measure);
    const lineHeight = p.measure.lineHeight(f.value.font, fitted.sizePt);
    const step = lineHeight * f.value.lineSpacing;
    // The first line sits on the row's underline; extra lines grow the row downwards.
    const firstTop = rowTop + rowHeight - lineHeight - 2;
    fitted.lines.forEach((text, i) => {
      const box = place(
        p,
        `value:${row.field}`,
        text,
        { ...f.value, sizePt: fitted.sizePt },
        valueX,
        firstTop + i * step,
      );
      const underlineY = box.y + box.height + 0.5;
      p.lines.push({
        x1: valueX,
        y1: underlineY,
        x2: f.rightMm * MM,
        y2: underlineY,
        colour: resolveColour(p.layout, f.underline.colour),
        widthPt: f.underline.widthPt,
      });
    });
    planLabel(p, row.label, f.leftMm * MM, firstTop + p.measure.ascent(f.value.font, fitted.sizePt));
    rowTop += rowHeight + (fitted.lines.length - 1) * step;
  }
  return rowTop;
}

/** The statement paragraph, first line indented; returns the y below it. */
function planStatement(p: Planner, fields: Record<FieldName, string>, top: number): number {
  const s = p.layout.statement;
  const text = '\u3000'.repeat(s.indentChars) + fillPlaceholders(s.text, fields);
  const width = (s.rightMm - s.leftMm) * MM;
  const fitted = fitText(text, width, { font: s.font, sizePt: s.sizePt, minSizePt: s.sizePt, maxLines: 4 }, p.measure);
  const step = p.measure.lineHeight(s.font, s.sizePt) * s.lineSpacing;
  fitted.lines.forEach((line, i) => place(p, 'statement', line, s, s.leftMm * MM, top + i * step));
  return top + (fitted.lines.length - 1) * step + p.measure.lineHeight(s.font, s.sizePt);
}

function planQr(p: Planner, modules: number, address: string): PagePlan['qr'] {
  const q = p.layout.qr;
  const symbolPt = q.symbolMm * MM;
  const quietZonePt = (symbolPt / modules) * q.quietZoneModules;
  const x = q.leftMm * MM;
  const y = q.topMm * MM;
  const centreX = x + symbolPt / 2;
  const caption = centred(
    p,
    'qr-caption',
    q.caption.text,
    q.caption,
    y + symbolPt + quietZonePt + q.caption.gapMm * MM,
    0,
    centreX,
  );
  const line = `${q.address.prefix}${address}`;
  const fitted = fitText(line, q.address.widthMm * MM, { ...q.address, maxLines: 2 }, p.measure);
  const step = p.measure.lineHeight(q.address.font, fitted.sizePt);
  fitted.lines.forEach((text, i) => {
    const top = caption.y + caption.height + q.address.gapMm * MM + i * step;
    centred(p, 'qr-address', text, { ...q.address, sizePt: fitted.sizePt }, top, 0, centreX);
  });
  return { x, y, symbolPt, quietZonePt, colour: resolveColour(p.layout, q.colour) };
}

/**
 * The authorities' names in one row, each under its seal (GB/T 9704: the name in the lower
 * half of the seal, seals never touching), and the date in Chinese numerals under the last.
 */
function planIssuers(p: Planner, fields: Record<FieldName, string>, options: PageOptions): SealPlacement[] {
  const { issuers, seals } = p.layout;
  const diameterPt = seals.diameterMm * MM;
  const top = issuers.topMm * MM;
  const lastName = AUTHORITY_NAMES[AUTHORITY_IDS[AUTHORITY_IDS.length - 1]].zh;
  const lastCentre = issuers.rightMm * MM - p.measure.width(issuers.font, lastName, issuers.sizePt) / 2;
  const placements = AUTHORITY_IDS.map((authority, i) => {
    const name = AUTHORITY_NAMES[authority].zh;
    const centre = lastCentre - (AUTHORITY_IDS.length - 1 - i) * issuers.pitchMm * MM;
    centred(p, 'issuer', name, issuers, top, 0, centre);
    return {
      authority,
      name,
      x: centre - diameterPt / 2,
      y: top - seals.centreAboveNamesMm * MM - diameterPt / 2,
      diameterPt,
      ...(options.development ? { sample: seals.sample.text } : {}),
    };
  });
  const last = placements[placements.length - 1];
  const dateTop = top + p.measure.lineHeight(issuers.font, issuers.sizePt) + issuers.date.gapMm * MM;
  centred(p, 'issuer-date', fields[issuers.date.field], issuers.date, dateTop, 0, last.x + diameterPt / 2);
  return placements;
}

function planFooter(p: Planner, fields: Record<FieldName, string>): void {
  const { footer, page } = p.layout;
  const footerTop = (page.heightMm - footer.bottomMm) * MM - p.measure.lineHeight(footer.font, footer.sizePt);
  centred(p, 'footer', fillPlaceholders(footer.text, fields), footer, footerTop, footer.characterSpacingPt);
}

/**
 * Rows and statement at the layout's row pitch; when the longest values (40-character name,
 * 100-character employer) wrap so far that they would reach the QR area, the rows move closer
 * together, down to 80 % of the pitch, before giving up.
 */
function planFlow(layout: CertificateLayout, measure: TextMeasure, fields: Record<FieldName, string>): Planner {
  const bottom = layout.flowBottomMm * MM;
  let end = 0;
  for (const squeeze of [1, 0.95, 0.9, 0.85, 0.8]) {
    const p: Planner = { layout, measure, texts: [], lines: [] };
    planHeader(p);
    const rowsEnd = planRows(p, fields, layout.fields.rowHeightMm * MM * squeeze);
    end = planStatement(p, fields, rowsEnd + layout.statement.gapMm * MM);
    if (end <= bottom) return p;
  }
  throw new Error(
    `Certificate layout overflow: text ends at ${(end / MM).toFixed(1)} mm, below flowBottomMm ${layout.flowBottomMm}`,
  );
}

/**
 * Lays out the certificate page: where every line of text, rule, seal and the QR go. Pure, so
 * a unit test can check that nothing overlaps for the longest values. Throws when the data
 * cannot fit above the QR/issuer area (a layout that cannot hold the data is a bug, not bad input).
 */
export function planCertificatePage(
  layout: CertificateLayout,
  fields: Record<FieldName, string>,
  qrModules: number,
  address: string,
  measure: TextMeasure,
  options: PageOptions,
): PagePlan {
  const p = planFlow(layout, measure, fields);
  const qr = planQr(p, qrModules, address);
  const seals = planIssuers(p, fields, options);
  planFooter(p, fields);
  const mark = layout.sampleMark;
  return {
    widthPt: layout.page.widthMm * MM,
    heightPt: layout.page.heightMm * MM,
    texts: p.texts,
    lines: p.lines,
    qr,
    seals,
    ...(options.development
      ? {
          sampleMark: {
            text: mark.text,
            heightPt: mark.heightMm * MM,
            angleDegrees: mark.angleDegrees,
            colour: resolveColour(layout, mark.colour),
            opacity: mark.opacity,
          },
        }
      : {}),
  };
}
