import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../common/project-root';
import { z } from 'zod';

/** The printable facts of a certificate a layout row may name (see certificate-fields.ts). */
export const FIELD_NAMES = [
  'holderName',
  'gender',
  'idNumber',
  'employer',
  'qualification',
  'specialty',
  'committee',
  'passedOn',
  'approvalDocument',
  'certificateNo',
  'issuedOn',
  'issuedOnNumerals',
  'issuers',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

const mm = z.number().min(0).max(400);
const pt = z.number().positive().max(200);
const colour = z.string().regex(/^(#[0-9a-fA-F]{6}|[a-z]+)$/, 'a #rrggbb colour or a name from colours');
const fontKey = z.enum(['regular', 'bold']);
const type = z.strictObject({ font: fontKey, sizePt: pt, colour });
const line = z.strictObject({ colour, widthPt: pt });
/** Line pitch as a multiple of the font's line box (ascent to descent), so 1 means lines touch. */
const lineSpacing = z.number().min(1).max(3);
const text = type.extend({ text: z.string().min(1), topMm: mm, characterSpacingPt: z.number().min(0).default(0) });

const layoutSchema = z.strictObject({
  $comment: z.string().optional(),
  page: z.strictObject({ widthMm: mm, heightMm: mm }),
  fonts: z.strictObject({ regular: z.string().min(1), bold: z.string().min(1) }),
  colours: z.record(z.string().regex(/^[a-z]+$/), z.string().regex(/^#[0-9a-fA-F]{6}$/)),
  border: z.strictObject({
    insetMm: mm,
    outerWidthPt: pt,
    gapMm: mm,
    innerWidthPt: pt,
    cornerMm: mm,
    colour,
    innerColour: colour,
  }),
  title: text,
  subtitle: text,
  rule: line.extend({ topMm: mm, widthMm: mm }),
  fields: z.strictObject({
    topMm: mm,
    leftMm: mm,
    rightMm: mm,
    labelWidthMm: mm,
    gapMm: mm,
    rowHeightMm: mm,
    label: type,
    value: type.extend({ minSizePt: pt, maxLines: z.int().min(1).max(5), lineSpacing }),
    underline: line,
    rows: z.array(z.strictObject({ label: z.string().min(1), field: z.enum(FIELD_NAMES) })).min(1),
  }),
  statement: type.extend({
    text: z.string().min(1),
    gapMm: mm,
    leftMm: mm,
    rightMm: mm,
    lineSpacing,
    indentChars: z.int().min(0).max(4),
  }),
  /** Rows and statement must end above this line, where the QR and issuers begin. */
  flowBottomMm: mm,
  qr: z.strictObject({
    leftMm: mm,
    topMm: mm,
    // Printed at 48 mm or more, a version-20 module is at least 0.49 mm, ~1.9 px in a 100 dpi scan (docs/pdf.md, QR code).
    symbolMm: z.number().min(48).max(80),
    quietZoneModules: z.int().min(4).max(8),
    colour,
    caption: type.extend({ text: z.string().min(1), gapMm: mm }),
    address: type.extend({ prefix: z.string(), minSizePt: pt, widthMm: mm, gapMm: mm }),
  }),
  issuers: type.extend({
    $comment: z.string().optional(),
    rightMm: mm,
    topMm: mm,
    /** Centre to centre, so also seal to seal: more than a seal's diameter (seals never touch). */
    pitchMm: mm,
    date: type.extend({ field: z.enum(FIELD_NAMES), gapMm: mm }),
  }),
  seals: z.strictObject({
    $comment: z.string().optional(),
    diameterMm: z.number().min(20).max(60),
    ringMm: z.number().positive().max(3),
    starMm: z.number().positive().max(30),
    colour,
    centreAboveNamesMm: z.number().min(-20).max(20),
    name: z.strictObject({
      heightMm: z.number().positive().max(10),
      widthScale: z.number().min(0.5).max(1),
      arcDegrees: z.number().min(90).max(300),
      ringGapMm: z.number().min(0).max(5),
    }),
    sample: z.strictObject({ text: z.string().min(1), heightMm: z.number().positive().max(10), gapMm: mm }),
  }),
  /** The diagonal mark every page of a development PDF carries. */
  sampleMark: z.strictObject({
    text: z.string().min(1),
    heightMm: z.number().positive().max(150),
    angleDegrees: z.number().min(-90).max(90),
    colour,
    opacity: z.number().min(0.05).max(1),
  }),
  footer: type.extend({ text: z.string().min(1), bottomMm: mm, characterSpacingPt: z.number().min(0).default(0) }),
  levels: z.strictObject({
    professor: z.strictObject({ committee: z.string().min(1) }),
    senior: z.strictObject({ committee: z.string().min(1) }),
  }),
});

export type CertificateLayout = z.infer<typeof layoutSchema>;
export type TextStyle = z.infer<typeof type>;

export const DEFAULT_LAYOUT_PATH = join(projectRoot(), 'templates', 'certificate-layout.json');

/** Parses a layout; throws listing every problem, so a bad edit fails at start, not at print. */
export function parseCertificateLayout(json: unknown): CertificateLayout {
  const parsed = layoutSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid certificate layout:\n  ${problems.join('\n  ')}`);
  }
  const layout = parsed.data;
  const names = JSON.stringify(layout).match(/"(?:colour|innerColour)":"([a-z]+)"/g) ?? [];
  const unknown = names.map((n) => n.split('"')[3]).filter((name) => !(name in layout.colours));
  if (unknown.length > 0) throw new Error(`Invalid certificate layout: unknown colour ${unknown.join(', ')}`);
  if (layout.issuers.pitchMm <= layout.seals.diameterMm)
    throw new Error('Invalid certificate layout: issuers.pitchMm must exceed seals.diameterMm (seals never touch)');
  const placeholders = [layout.statement.text, layout.footer.text].flatMap((text) =>
    [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
  );
  const badPlaceholder = placeholders.find((name) => !(FIELD_NAMES as readonly string[]).includes(name));
  if (badPlaceholder) throw new Error(`Invalid certificate layout: a text names unknown field {${badPlaceholder}}`);
  return layout;
}

export function loadCertificateLayout(path = DEFAULT_LAYOUT_PATH): CertificateLayout {
  return parseCertificateLayout(JSON.parse(readFileSync(path, 'utf8')));
}

/** A named colour of the layout, or the literal #rrggbb. */
export function resolveColour(layout: CertificateLayout, value: string): string {
  return value.startsWith('#') ? value : layout.colours[value];
}
