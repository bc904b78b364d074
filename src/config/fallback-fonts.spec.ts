import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, parseConfig } from './app-config';
import { parseFallbackFonts } from './fallback-fonts';

describe('PDF_FALLBACK_FONTS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zjzc-fonts-'));
  const present = join(dir, 'Present.ttf');
  writeFileSync(present, 'not parsed here');
  const absent = join(dir, 'Absent.ttf');

  it('defaults, when unset, to the installed fallback fonts only', () => {
    expect(parseFallbackFonts(undefined, [present, absent])).toEqual({ paths: [present], problems: [] });
  });

  it('means no fallback when set to an empty list', () => {
    expect(parseFallbackFonts('', [present])).toEqual({ paths: [], problems: [] });
    expect(parseFallbackFonts(' , ', [present])).toEqual({ paths: [], problems: [] });
  });

  it('keeps the order given, and names every file that cannot be read', () => {
    expect(parseFallbackFonts(` ${present} ,${absent},${dir}`).problems).toEqual([
      `PDF_FALLBACK_FONTS: ${absent} is not a readable file`,
      `PDF_FALLBACK_FONTS: ${dir} is not a readable file`,
    ]);
    expect(parseConfig({ PDF_FALLBACK_FONTS: `${present},${present}` }).pdfFallbackFonts).toEqual([present, present]);
  });

  it('stops the start on a missing font, listed with the other bad variables', () => {
    expect(() => parseConfig({ PDF_FALLBACK_FONTS: absent, PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => parseConfig({ PDF_FALLBACK_FONTS: absent, PORT: 'eighty' })).toThrow(
      new RegExp(`PORT.*\\n.*${absent.replace(/[.]/g, '\\.')}`, 's'),
    );
    expect(parseConfig({ PDF_FALLBACK_FONTS: '' }).pdfFallbackFonts).toEqual([]);
  });
});
