import { MAX_QR_VERSION, qrSymbol } from './qr-symbol';

/** A verification URL of the token's shape: two headers, payload, two signatures (docs/qr-token.md). */
function url(payloadChars: number): string {
  // Lowercase keeps qrcode in byte mode, as real base64url does.
  const b64 = (n: number) => 'a'.repeat(n);
  return `https://zs.example.test/v#${b64(118)}.${b64(payloadChars)}.${b64(86)}~${b64(118)}..${b64(86)}`;
}

describe('qrSymbol', () => {
  it('encodes a two-character name (~605 bytes) at version 19, and a 40-character one at version 22', () => {
    expect(qrSymbol(url(166)).version).toBe(19);
    // 38 more Han characters: 114 more UTF-8 bytes, 152 more base64url characters.
    const longest = qrSymbol(url(166 + 152));
    expect(longest.version).toBe(22);
    expect(longest.version).toBeLessThanOrEqual(MAX_QR_VERSION);
    expect(longest.modules).toBe(105);
  });

  it('refuses a URL beyond version 22 rather than print an illegible symbol', () => {
    expect(() => qrSymbol(url(166 + 152 + 40))).toThrow(/version 23/);
  });
});
