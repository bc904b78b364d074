import { loadCertificateLayout } from './certificate-layout';
import { fontMeasure, openLayoutFonts } from './cjk-fonts';
import { fitText } from './text-fit';

describe('fitText with the certificate font', () => {
  const measure = fontMeasure(openLayoutFonts(loadCertificateLayout()));
  const style = { font: 'regular' as const, sizePt: 14, minSizePt: 12, maxLines: 3 };

  it('keeps a short value at full size on one line', () => {
    expect(fitText('张三', 300, style, measure)).toEqual({ sizePt: 14, lines: ['张三'] });
  });

  it('shrinks a slightly long value before wrapping it, and wraps a long one at full size', () => {
    expect(fitText('一'.repeat(22), 22 * 13, style, measure)).toEqual({ sizePt: 13, lines: ['一'.repeat(22)] });
    const wrapped = fitText('一'.repeat(30), 20 * 14, style, measure);
    expect(wrapped.sizePt).toBe(14);
    expect(wrapped.lines.map((line) => line.length)).toEqual([20, 10]);
  });

  it('throws when a value fits in no allowed number of lines', () => {
    expect(() => fitText('一'.repeat(100), 100, style, measure)).toThrow(/does not fit/);
  });
});
