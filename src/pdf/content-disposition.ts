import { encodeExtended } from 'content-disposition';

/**
 * `attachment` with an ASCII fallback name and the real name in UTF-8 (RFC 6266 §4.3 with the
 * RFC 5987 `filename*` form, encoded by the `content-disposition` package). The fallback is
 * written quoted by hand: the package's `create` leaves a token-only fallback unquoted, and
 * the header clients already see has it quoted.
 */
export function attachmentDisposition(asciiFallback: string, filename: string): string {
  if (!/^[\x20-\x7e]+$/.test(asciiFallback) || /["\\]/.test(asciiFallback)) {
    throw new Error(`Not a plain ASCII file name: ${asciiFallback}`);
  }
  return `attachment; filename="${asciiFallback}"; filename*=${encodeExtended(filename)}`;
}
