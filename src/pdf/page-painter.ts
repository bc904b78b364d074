import { resolveColour, type CertificateLayout } from './certificate-layout';
import { MM, type PagePlan } from './page-plan';
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
      doc
        .font(run.font)
        .text(run.text, box.x + run.dx, box.y + run.dy, { lineBreak: false, characterSpacing: box.characterSpacingPt });
    }
  }
  paintQr(doc, plan, symbol);
}
