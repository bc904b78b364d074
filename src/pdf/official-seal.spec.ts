import { loadCertificateLayout } from './certificate-layout';
import { openLayoutFonts } from './cjk-fonts';
import { nameArc, sealAppearance, starPoints, type SealGeometry } from './official-seal';

const MM = 72 / 25.4;
const geometry: SealGeometry = {
  diameterPt: 42 * MM,
  ringPt: 1.2 * MM,
  starPt: 14 * MM,
  rgb: [0.84, 0.08, 0.1],
  name: { heightPt: 5.4 * MM, widthScale: 0.82, arcDegrees: 236, ringGapPt: 0.9 * MM },
  sample: { heightPt: 5 * MM, gapPt: 1.6 * MM },
};

describe('official seal geometry', () => {
  it('draws a regular five-pointed star, first point up, outer points on its circle', () => {
    const points = starPoints(0, 0, 7);
    expect(points).toHaveLength(10);
    expect(points[0][0]).toBeCloseTo(0);
    expect(points[0][1]).toBeCloseTo(7);
    points.filter((_, i) => i % 2 === 0).forEach(([x, y]) => expect(Math.hypot(x, y)).toBeCloseTo(7));
    // A regular star {5/2}: inner radius ≈ 0.382 of the outer.
    points.filter((_, i) => i % 2 === 1).forEach(([x, y]) => expect(Math.hypot(x, y) / 7).toBeCloseTo(0.382, 3));
  });

  it('spreads the name symmetrically over the upper arc, left to right', () => {
    const arc = nameArc(10, 236, 16);
    expect(arc[0].angle).toBeCloseTo(-118);
    expect(arc[9].angle).toBeCloseTo(118);
    arc.forEach((at) => expect(Math.hypot(at.x, at.y)).toBeCloseTo(16));
    // Clockwise from the lower left over the top to the lower right: read left to right.
    arc.slice(1).forEach((at, i) => expect(at.angle).toBeGreaterThan(arc[i].angle));
    expect(arc[0].x).toBeLessThan(0);
    expect(arc[0].y).toBeLessThan(0);
    expect(arc[4].y).toBeGreaterThan(0);
  });

  it('writes each character as outlines, and 样本 only on a development seal', () => {
    const font = openLayoutFonts(loadCertificateLayout()).bold;
    const real = sealAppearance(font, geometry, { name: '浙江省市场监督管理局' });
    const sample = sealAppearance(font, geometry, { name: '浙江省市场监督管理局', sample: '样本' });
    // Ring (even-odd fill), star, one transformed outline per character (+1 for 样本).
    expect(real.match(/ cm\n/g)).toHaveLength(10);
    expect(sample.match(/ cm\n/g)).toHaveLength(11);
    expect(real).toContain('f*');
    expect(real).not.toMatch(/BT|Tj/);
  });
});
