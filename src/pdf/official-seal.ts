import type * as fontkit from 'fontkit';
import { cmOperator, emBox, pdfNumber, textOutline } from './glyph-outlines';

/**
 * The round official seal (公章) in the proportions of GA 241-2000 for a provincial department:
 * 42 mm across, a red ring, a five-pointed star in the centre, the authority's full name along
 * the upper arc read left to right, each character upright towards the rim. Sizes in points.
 */
export interface SealGeometry {
  diameterPt: number;
  ringPt: number;
  /** The star's circumscribed diameter. */
  starPt: number;
  /** 0–1 RGB. */
  rgb: [number, number, number];
  /** Sizes of the name on the arc; the width scale narrows the characters as seal engravers do. */
  name: { heightPt: number; widthScale: number; arcDegrees: number; ringGapPt: number };
  sample: { heightPt: number; gapPt: number };
}

export interface SealText {
  name: string;
  /** Printed under the star on a development seal (样本), so it can never pass for a real one. */
  sample?: string;
}

/** Bézier circle (four quarter arcs, k = 4(√2 − 1)/3) as path operators. */
function circleOps(cx: number, cy: number, r: number): string {
  const k = 0.5522847498 * r;
  const p = (x: number, y: number) => `${pdfNumber(x)} ${pdfNumber(y)}`;
  return [
    `${p(cx + r, cy)} m`,
    `${p(cx + r, cy + k)} ${p(cx + k, cy + r)} ${p(cx, cy + r)} c`,
    `${p(cx - k, cy + r)} ${p(cx - r, cy + k)} ${p(cx - r, cy)} c`,
    `${p(cx - r, cy - k)} ${p(cx - k, cy - r)} ${p(cx, cy - r)} c`,
    `${p(cx + k, cy - r)} ${p(cx + r, cy - k)} ${p(cx + r, cy)} c`,
    'h',
  ].join('\n');
}

/** The ten corners of a regular five-pointed star of outer radius r, first point straight up (y up). */
export function starPoints(cx: number, cy: number, r: number): Array<[number, number]> {
  // Inner radius of a regular star {5/2}: r · sin 18° / sin 126° ≈ 0.382 r.
  const inner = (r * Math.sin(Math.PI / 10)) / Math.sin((7 * Math.PI) / 10);
  return Array.from({ length: 10 }, (_, i) => {
    const angle = Math.PI / 2 + (i * Math.PI) / 5;
    const radius = i % 2 === 0 ? r : inner;
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
  });
}

/**
 * Where the name's characters sit: evenly spread over `arcDegrees` centred on the top, angle
 * in degrees clockwise from the top, the centre of each character's em box at `radius`.
 */
export function nameArc(
  count: number,
  arcDegrees: number,
  radius: number,
): Array<{ angle: number; x: number; y: number }> {
  return Array.from({ length: count }, (_, i) => {
    const angle = count === 1 ? 0 : -arcDegrees / 2 + (i * arcDegrees) / (count - 1);
    const t = (angle * Math.PI) / 180;
    return { angle, x: radius * Math.sin(t), y: radius * Math.cos(t) };
  });
}

/** One character, centred on (x, y) relative to the seal's centre, turned `angle` clockwise. */
function placedCharacter(
  font: fontkit.Font,
  ch: string,
  at: { angle: number; x: number; y: number },
  scale: [number, number],
): string {
  const outline = textOutline(font, ch);
  const box = emBox(font);
  const [sx, sy] = scale;
  const phi = (-at.angle * Math.PI) / 180;
  const [cos, sin] = [Math.cos(phi), Math.sin(phi)];
  // The glyph's em-box centre goes to (x, y): shift by half the advance and the box's middle first.
  const u = -outline.width / 2;
  const v = -(box.top + box.bottom) / 2;
  const e = at.x + sx * cos * u - sy * sin * v;
  const f = at.y + sx * sin * u + sy * cos * v;
  return `q\n${cmOperator([sx * cos, sx * sin, -sy * sin, sy * cos, e, f])}\n${outline.ops}\nf\nQ`;
}

/**
 * The seal as path operators over the box [0 0 d d] (y up), in its colour: the content of a
 * form XObject (the widget's appearance) or of a page, after a `cm` to the box.
 */
export function sealAppearance(font: fontkit.Font, g: SealGeometry, text: SealText): string {
  const r = g.diameterPt / 2;
  const box = emBox(font);
  const scale = g.name.heightPt / (box.top - box.bottom);
  const nameRadius = r - g.ringPt - g.name.ringGapPt - g.name.heightPt / 2;
  const chars = [...text.name];
  const placed = nameArc(chars.length, g.name.arcDegrees, nameRadius).map((at, i) =>
    placedCharacter(font, chars[i], { ...at, x: r + at.x, y: r + at.y }, [scale * g.name.widthScale, scale]),
  );
  const star = starPoints(r, r, g.starPt / 2);
  const ops = [
    `${g.rgb.map(pdfNumber).join(' ')} rg`,
    `${circleOps(r, r, r)}\n${circleOps(r, r, r - g.ringPt)}\nf*`,
    `${star.map(([x, y], i) => `${pdfNumber(x)} ${pdfNumber(y)} ${i === 0 ? 'm' : 'l'}`).join('\n')}\nh\nf`,
    ...placed,
  ];
  if (text.sample) {
    const s = g.sample.heightPt / (box.top - box.bottom);
    const outline = textOutline(font, text.sample);
    // Under the star: its lowest points are cos 36° of its radius below the centre.
    const top = r - (g.starPt / 2) * Math.cos(Math.PI / 5) - g.sample.gapPt;
    ops.push(`q\n${cmOperator([s, 0, 0, s, r - (outline.width * s) / 2, top - box.top * s])}\n${outline.ops}\nf\nQ`);
  }
  return ops.join('\n');
}
