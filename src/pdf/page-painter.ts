import type * as fontkit from 'fontkit';
import { resolveColour, type CertificateLayout } from './certificate-layout';
import { layoutFeatures } from './cjk-fonts';
import { cmOperator, emBox, textOutline } from './glyph-outlines';
import { MM, type PagePlan, type SampleMark } from './page-plan';
import type { QrSymbol } from './qr-symbol';

type Doc = PDFKit.PDFDocument;

/** A double frame (thick accent outside, thin gold inside) with bracketed corners. */
export function paintBorder(doc: Doc, layout: CertificateLayout): void {
  const b = layout.border;
  const width = layout.page.widthMm * MM;
  const height = layout.page.heightMm * MM;
  const outer = b.insetMm * MM;
  const inner = outer + b.gapMm * MM;
  const accent = resolveColour(layout, b.colour);
  doc
    .lineWidth(b.outerWidthPt)
    .strokeColor(accent)
    .rect(outer, outer, width - 2 * outer, height - 2 * outer)
    .stroke();
  doc
    .lineWidth(b.innerWidthPt)
    .strokeColor(resolveColour(layout, b.innerColour))
    .rect(inner, inner, width - 2 * inner, height - 2 * inner)
    .stroke();
  const inset = inner + 2.5 * MM;
  const arm = b.cornerMm * MM;
  const corners: Array<[number, number, number, number]> = [
    [inset, inset, 1, 1],
    [width - inset, inset, -1, 1],
    [inset, height - inset, 1, -1],
    [width - inset, height - inset, -1, -1],
  ];
  for (const [x, y, dx, dy] of corners) {
    doc
      .lineWidth(1.2)
      .strokeColor(accent)
      .moveTo(x + dx * arm, y)
      .lineTo(x, y)
      .lineTo(x, y + dy * arm)
      .stroke();
    const cx = x + dx * 3 * MM;
    const cy = y + dy * 3 * MM;
    const r = 0.9 * MM;
    doc.polygon([cx, cy - r], [cx + r, cy], [cx, cy + r], [cx - r, cy]).fill(accent);
  }
}

/** The QR as vector squares from the matrix, on a white quiet zone; no raster image to blur. */
function paintQr(doc: Doc, plan: PagePlan, symbol: QrSymbol): void {
  const { x, y, symbolPt, quietZonePt, colour } = plan.qr;
  const module = symbolPt / symbol.modules;
  doc.rect(x - quietZonePt, y - quietZonePt, symbolPt + 2 * quietZonePt, symbolPt + 2 * quietZonePt).fill('#ffffff');
  for (const [row, col, length] of symbol.runs) doc.rect(x + col * module, y + row * module, length * module, module);
  doc.fill(colour);
}

/** Draws a planned page: rules, then text at the planned boxes (run by run, see TextRun), then the QR. */
export function paintPlan(doc: Doc, plan: PagePlan, symbol: QrSymbol): void {
  for (const line of plan.lines) {
    doc.lineWidth(line.widthPt).strokeColor(line.colour).moveTo(line.x1, line.y1).lineTo(line.x2, line.y2).stroke();
  }
  for (const box of plan.texts) {
    doc.fontSize(box.sizePt).fillColor(box.colour);
    for (const run of box.runs) {
      // One run, letter-spaced with Tc; its features must match the page plan's measure.
      const features = layoutFeatures(box.characterSpacingPt) as PDFKit.Mixins.TextOptions['features'];
      doc.font(run.font).text(run.text, box.x + run.dx, box.y + run.dy, {
        lineBreak: false,
        characterSpacing: box.characterSpacingPt,
        ...(features ? { features } : {}),
      });
    }
  }
  paintQr(doc, plan, symbol);
}

/**
 * The diagonal 样本 across a development PDF's page, as translucent outlines over everything
 * printed: it cannot be taken out as text, and the text under it stays readable.
 */
export function paintSampleMark(doc: Doc, plan: PagePlan, mark: SampleMark, font: fontkit.Font): void {
  const outline = textOutline(font, mark.text);
  const box = emBox(font);
  const s = mark.heightPt / (box.top - box.bottom);
  const a = (mark.angleDegrees * Math.PI) / 180;
  // pdfkit's page space has y pointing down: the text's x axis goes up and right, its y axis
  // (glyphs are y-up) up and left; the em box's centre lands on the page's centre.
  const m = [s * Math.cos(a), -s * Math.sin(a), -s * Math.sin(a), -s * Math.cos(a)];
  const [u, v] = [-outline.width / 2, -(box.top + box.bottom) / 2];
  const e = plan.widthPt / 2 + m[0] * u + m[2] * v;
  const f = plan.heightPt / 2 + m[1] * u + m[3] * v;
  doc.save();
  doc.fillColor(mark.colour, mark.opacity);
  (doc as unknown as { addContent(ops: string): void }).addContent(
    `${cmOperator([m[0], m[1], m[2], m[3], e, f])}\n${outline.ops}\nf`,
  );
  doc.restore();
}
