import { existsSync } from 'node:fs';
import type { Font } from 'fontkit';
import { HANAZONO_FONTS } from '../config/fallback-fonts';
import { loadCertificateLayout } from './certificate-layout';
import { fontChain, fontMeasure, openLayoutFonts } from './cjk-fonts';
import { codePointLabel } from '../common/text-input';
import { missingCharacters, splitRuns } from './font-runs';

/** A font that has exactly the characters of `covered`: run splitting checked without font files. */
const fakeFont = (covered: string) =>
  ({ hasGlyphForCodePoint: (cp: number) => [...covered].some((ch) => ch.codePointAt(0) === cp) }) as unknown as Font;

describe('glyph answers', () => {
  it('asks a font once per code point, and the same answers come back', () => {
    let asked = 0;
    const font = {
      hasGlyphForCodePoint: (cp: number) => {
        asked++;
        return cp === '王'.codePointAt(0);
      },
    } as unknown as Font;
    expect(missingCharacters([font], '王明王明')).toEqual(['明']);
    expect(asked).toBe(2);
    expect(missingCharacters([font], '明王')).toEqual(['明']);
    expect(splitRuns('王明', [font])).toEqual([{ font: 0, text: '王明' }]);
    expect(asked).toBe(2);
  });
});

describe('splitRuns', () => {
  const primary = fakeFont('王明田 Ae\u0301');
  const fallback = fakeFont('𠀀王田');
  const second = fakeFont('𪚥 ');

  it('keeps the layout font wherever it has the glyph, and falls back per character only where it lacks it', () => {
    expect(splitRuns('王明', [primary, fallback])).toEqual([{ font: 0, text: '王明' }]);
    expect(splitRuns('王𠀀田', [primary, fallback])).toEqual([
      { font: 0, text: '王' },
      { font: 1, text: '𠀀' },
      { font: 0, text: '田' },
    ]);
    expect(splitRuns('𠀀𪚥王', [primary, fallback, second])).toEqual([
      { font: 1, text: '𠀀' },
      { font: 2, text: '𪚥' },
      { font: 0, text: '王' },
    ]);
  });

  it('keeps a space or a combining mark in the font before it when that font has it', () => {
    expect(splitRuns('𪚥 王', [primary, second])).toEqual([
      { font: 1, text: '𪚥 ' },
      { font: 0, text: '王' },
    ]);
    expect(splitRuns('𠀀 王', [primary, fallback])).toEqual([
      { font: 1, text: '𠀀' },
      { font: 0, text: ' 王' },
    ]);
    expect(splitRuns('Ae\u0301', [primary, fallback])).toEqual([{ font: 0, text: 'Ae\u0301' }]);
  });

  it('leaves a character no font has with the layout font, and reports it once', () => {
    expect(splitRuns('王𠮷', [primary, fallback])).toEqual([{ font: 0, text: '王𠮷' }]);
    expect(missingCharacters([primary, fallback], '𠮷王 𠮷\t𠀀')).toEqual(['𠮷']);
    expect(codePointLabel('𠮷')).toBe('U+20BB7');
    expect(codePointLabel('A')).toBe('U+0041');
  });
});

describe('glyph coverage of the certificate fonts', () => {
  const layout = loadCertificateLayout();

  it('Noto Serif SC covers GB 18030 Han text but not CJK Extension B', () => {
    const chain = fontChain(openLayoutFonts(layout), 'regular');
    expect(missingCharacters(chain, '張三 李四·买买提 喆堃 䶮 ABC 〔2026〕')).toEqual([]);
    expect(missingCharacters(chain, '𠮷田𠀀')).toEqual(['𠮷', '𠀀']);
  });

  const hanazono = HANAZONO_FONTS.every((path) => existsSync(path));
  (hanazono ? it : it.skip)(
    'with fonts-hanazono as fallback, draws Extension B from HanaMin and the rest from Noto',
    () => {
      const fonts = openLayoutFonts(layout, HANAZONO_FONTS);
      for (const key of ['regular', 'bold'] as const)
        expect(missingCharacters(fontChain(fonts, key), '𠮷田𠀀王')).toEqual([]);
      const measure = fontMeasure(fonts);
      const runs = measure.runs('regular', '王𠀀明', 14);
      expect(runs.map((r) => [r.font, r.text])).toEqual([
        ['regular', '王'],
        [expect.stringMatching(/^fallback-[12]$/), '𠀀'],
        ['regular', '明'],
      ]);
      // Each run starts where the one before ends, on the layout font's baseline.
      expect(runs[1].dx).toBeCloseTo(measure.width('regular', '王', 14), 6);
      expect(runs[2].dx).toBeCloseTo(runs[1].dx + measure.width('regular', '𠀀', 14), 6);
      expect(measure.width('regular', '王𠀀明', 14)).toBeCloseTo(runs[2].dx + measure.width('regular', '明', 14), 6);
      expect(runs[0].dy).toBe(0);
      expect(runs[1].dy).not.toBe(0);
    },
  );
});
