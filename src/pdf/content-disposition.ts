/**
 * `attachment` with an ASCII fallback name and the real name in UTF-8 (RFC 6266 §4.3 with the
 * RFC 5987 `filename*` form): every byte outside RFC 5987's attr-char is percent-encoded.
 */
export function attachmentDisposition(asciiFallback: string, filename: string): string {
  if (!/^[\x20-\x7e]+$/.test(asciiFallback) || /["\\]/.test(asciiFallback)) {
    throw new Error(`Not a plain ASCII file name: ${asciiFallback}`);
  }
  // encodeURIComponent leaves ' ( ) * unescaped; RFC 5987 attr-char does not allow them.
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}
