import { decodeBase64urlStrict, findDuplicateKey, parseJsonStrict } from './strict-encoding';

describe('strict encodings', () => {
  it('decodes canonical base64url and refuses padding, whitespace, other alphabets and non-zero trailing bits', () => {
    expect(Buffer.from(decodeBase64urlStrict('aGk') ?? []).toString()).toBe('hi');
    expect(Buffer.from(decodeBase64urlStrict('aGlq') ?? []).toString()).toBe('hij');
    expect(decodeBase64urlStrict('')).toEqual(new Uint8Array());
    for (const bad of ['aGk=', 'aG k', 'aG+k', 'aG/k', 'aGl', 'aGm', 'a', 'aGk\n']) {
      // 'aGl' and 'aGm' decode to "hi" with trailing bits set: not canonical
      expect([bad, decodeBase64urlStrict(bad)]).toEqual([bad, undefined]);
    }
  });

  it('finds repeated member names, also when written with escapes, at any depth', () => {
    expect(findDuplicateKey('{"a":1,"b":{"a":2}}')).toBeUndefined();
    expect(findDuplicateKey('{"a":1,"a":2}')).toBe('a');
    expect(findDuplicateKey('{"x":[{"k":1,"k":2}]}')).toBe('k');
    expect(findDuplicateKey('{"a":1,"\\u0061":2}')).toBe('a');
    expect(findDuplicateKey('{"s":"{\\"a\\":1,\\"a\\":2}"}')).toBeUndefined();
    expect(parseJsonStrict('{"n":"张","n":"李"}')).toEqual({ ok: false, problem: 'duplicate-key', key: 'n' });
  });
});
