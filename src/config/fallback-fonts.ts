import { accessSync, constants, statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Debian's fonts-hanazono (花園明朝): HanaMinA holds the BMP and Extension A, HanaMinB the
 * supplementary plane (Extension B and later), so together they draw nearly every Han
 * character Noto Serif SC lacks. Used by default only where the package is installed.
 */
export const HANAZONO_FONTS = [
  '/usr/share/fonts/truetype/hanazono/HanaMinA.ttf',
  '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf',
];

function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * `PDF_FALLBACK_FONTS`: comma-separated TrueType/OpenType files drawn, in order, only for
 * characters the certificate font lacks. Unset: fonts-hanazono when present, else none; set but
 * empty: none. A named file that cannot be read is a problem naming it, so the service does
 * not start with a font missing and then refuse names at issuance.
 */
export function parseFallbackFonts(
  value: string | undefined,
  installed = HANAZONO_FONTS,
): { paths: string[]; problems: string[] } {
  if (value === undefined) return { paths: installed.filter(readable), problems: [] };
  const paths = value
    .split(',')
    .map((path) => path.trim())
    .filter((path) => path.length > 0)
    .map((path) => resolve(path));
  const problems = paths
    .filter((path) => !readable(path))
    .map((path) => `PDF_FALLBACK_FONTS: ${path} is not a readable file`);
  return { paths, problems };
}
