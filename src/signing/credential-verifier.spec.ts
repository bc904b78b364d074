import { createHmac, generateKeyPairSync, KeyObject } from 'node:crypto';
import { b64u, es256, ForgeKey, generalJws, sampleClaims, signEntry } from '../../test/support/jws-forge';
import { checkCredentialSignatures, KeyLookup, TrustedKey } from './credential-verifier';
import { es256Verifier } from './es256';
import type { ReasonCode } from './verification-reasons';

function p256(kid: string): ForgeKey & { publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid, privateKey, publicKey };
}

const amr = p256('amr-key-1');
const hrss = p256('hrss-key-1');
const amrRetired = p256('amr-key-0');
const stranger = p256('stranger');
const keys: KeyLookup = {
  byKid: (kid) =>
    (
      [
        { authority: 'amr', kid: amr.kid, verify: es256Verifier(amr.publicKey) },
        { authority: 'amr', kid: amrRetired.kid, verify: es256Verifier(amrRetired.publicKey) },
        { authority: 'hrss', kid: hrss.kid, verify: es256Verifier(hrss.publicKey) },
      ] as TrustedKey[]
    ).find((k) => k.kid === kid),
};
const NOW = new Date('2026-11-27T02:00:00Z');

type Jws = { payload: string; signatures: Array<Record<string, string>> };
const genuine = (): Jws => generalJws(sampleClaims(), [amr, hrss]);
/** Replace signature i's header, re-signed with that signature's own key. */
function withHeader(index: number, header: Record<string, unknown>): Jws {
  const jws = genuine();
  jws.signatures[index] = signEntry(jws.payload, header, [amr, hrss][index].privateKey);
  return jws;
}
const header = (extra: Record<string, unknown> = {}) => ({ alg: 'ES256', kid: amr.kid, typ: 'zjzc+jws', ...extra });
/** A payload given as raw text, genuinely signed by both authorities. */
const signedText = (text: string): Jws => generalJws(text, [amr, hrss]);

/** A payload whose byte length leaves 4 unused bits in its last base64url character. */
function canonicalTestText(): string {
  let text = JSON.stringify(sampleClaims());
  while (Buffer.byteLength(text) % 3 !== 1) text += ' ';
  return text;
}

const cases: Array<[string, () => unknown, ReasonCode]> = [
  ['not JSON text', () => '{"payload":', 'CREDENTIAL_MALFORMED'],
  ['a JSON array', () => [genuine()], 'CREDENTIAL_MALFORMED'],
  ['a number', () => 42, 'CREDENTIAL_MALFORMED'],
  [
    'the flattened serialization',
    () => ({ payload: genuine().payload, ...genuine().signatures[0] }),
    'CREDENTIAL_MALFORMED',
  ],
  ['an extra top-level member', () => ({ ...genuine(), note: 'x' }), 'CREDENTIAL_MALFORMED'],
  [
    'a repeated top-level member in the JSON text',
    () => {
      const g = genuine();
      return `{"payload":"${g.payload}","payload":"${g.payload}","signatures":${JSON.stringify(g.signatures)}}`;
    },
    'CREDENTIAL_MALFORMED',
  ],
  [
    'one signature removed',
    () => {
      const g = genuine();
      g.signatures.pop();
      return g;
    },
    'SIGNATURE_COUNT',
  ],
  ['no signatures', () => ({ ...genuine(), signatures: [] }), 'SIGNATURE_COUNT'],
  [
    'a third signature',
    () => {
      const g = genuine();
      g.signatures.push(signEntry(g.payload, header({ kid: amrRetired.kid }), amrRetired.privateKey));
      return g;
    },
    'SIGNATURE_COUNT',
  ],
  [
    'one signature duplicated',
    () => {
      const g = genuine();
      g.signatures[1] = g.signatures[0];
      return g;
    },
    'AUTHORITY_DUPLICATED',
  ],
  [
    'both signatures by one authority (current and retired key)',
    () => generalJws(sampleClaims(), [amr, amrRetired]),
    'AUTHORITY_DUPLICATED',
  ],
  [
    'signature values exchanged between headers',
    () => {
      const g = genuine();
      const [a, b] = g.signatures;
      g.signatures = [
        { ...a, signature: b.signature },
        { ...b, signature: a.signature },
      ];
      return g;
    },
    'SIGNATURE_INVALID',
  ],
  [
    'a signature spliced from another certificate',
    () => {
      const g = genuine();
      g.signatures[1] = generalJws(sampleClaims({ no: 'ZJZ2026000002' }), [amr, hrss]).signatures[1];
      return g;
    },
    'SIGNATURE_INVALID',
  ],
  [
    'one bit of a signature flipped',
    () => {
      const g = genuine();
      const s = Buffer.from(g.signatures[0].signature, 'base64url');
      s[10] ^= 1;
      g.signatures[0].signature = s.toString('base64url');
      return g;
    },
    'SIGNATURE_INVALID',
  ],
  [
    'the payload changed without re-signing',
    () => ({ ...genuine(), payload: b64u(JSON.stringify(sampleClaims({ name: '李四' }))) }),
    'SIGNATURE_INVALID',
  ],
  [
    "a signature by another key under the authority's kid",
    () => {
      const g = genuine();
      g.signatures[1] = signEntry(g.payload, { alg: 'ES256', kid: hrss.kid, typ: 'zjzc+jws' }, stranger.privateKey);
      return g;
    },
    'SIGNATURE_INVALID',
  ],
  [
    'an unknown kid',
    () => {
      const g = genuine();
      g.signatures[1] = signEntry(g.payload, { alg: 'ES256', kid: stranger.kid, typ: 'zjzc+jws' }, stranger.privateKey);
      return g;
    },
    'KID_UNKNOWN',
  ],
  [
    'an unprotected header',
    () => {
      const g = genuine();
      g.signatures[0] = { ...g.signatures[0], header: { kid: amr.kid } } as never;
      return g;
    },
    'UNPROTECTED_HEADER',
  ],
  [
    'alg none',
    () => {
      const g = genuine();
      g.signatures[0] = {
        protected: b64u(JSON.stringify({ alg: 'none', kid: amr.kid, typ: 'zjzc+jws' })),
        signature: '',
      };
      return g;
    },
    'ALG_NOT_ALLOWED',
  ],
  [
    'alg HS256 keyed with the public key',
    () => {
      const g = genuine();
      const p = b64u(JSON.stringify({ alg: 'HS256', kid: amr.kid, typ: 'zjzc+jws' }));
      const secret = amr.publicKey.export({ format: 'der', type: 'spki' });
      g.signatures[0] = {
        protected: p,
        signature: createHmac('sha256', secret).update(`${p}.${g.payload}`).digest('base64url'),
      };
      return g;
    },
    'ALG_NOT_ALLOWED',
  ],
  ['alg ES384', () => withHeader(0, header({ alg: 'ES384' })), 'ALG_NOT_ALLOWED'],
  ['an unknown crit extension', () => withHeader(0, header({ crit: ['exp'], exp: 1 })), 'CRIT_UNSUPPORTED'],
  ['b64 false', () => withHeader(0, header({ b64: false })), 'B64_UNSUPPORTED'],
  [
    'an embedded jwk',
    () => withHeader(0, header({ jwk: amr.publicKey.export({ format: 'jwk' }) })),
    'KEY_REFERENCE_FORBIDDEN',
  ],
  ['a jku', () => withHeader(0, header({ jku: 'https://attacker.example/jwks' })), 'KEY_REFERENCE_FORBIDDEN'],
  ['an x5u', () => withHeader(0, header({ x5u: 'https://attacker.example/cert' })), 'KEY_REFERENCE_FORBIDDEN'],
  ['an extra header member', () => withHeader(0, header({ cty: 'json' })), 'HEADER_MEMBER_UNEXPECTED'],
  ['no typ', () => withHeader(0, { alg: 'ES256', kid: amr.kid }), 'HEADER_MEMBER_MISSING'],
  ['no kid', () => withHeader(0, { alg: 'ES256', typ: 'zjzc+jws' }), 'HEADER_MEMBER_MISSING'],
  ['typ JWT', () => withHeader(0, header({ typ: 'JWT' })), 'TYP_INVALID'],
  ['the QR token typ on a credential', () => generalJws(sampleClaims(), [amr, hrss], 'zjzc-qr+jws'), 'TYP_INVALID'],
  [
    'a header repeating a member',
    () => {
      const g = genuine();
      const p = b64u(`{"alg":"ES256","kid":"${amr.kid}","typ":"zjzc+jws","alg":"ES256"}`);
      g.signatures[0] = { protected: p, signature: es256(`${p}.${g.payload}`, amr.privateKey) };
      return g;
    },
    'HEADER_INVALID',
  ],
  [
    'a header that is not JSON',
    () => {
      const g = genuine();
      g.signatures[0].protected = b64u('alg=ES256');
      return g;
    },
    'HEADER_INVALID',
  ],
  [
    'a padded payload',
    () => {
      const g = genuine();
      return { ...g, payload: `${g.payload}=` };
    },
    'ENCODING_INVALID',
  ],
  [
    'whitespace in the payload',
    () => {
      const g = genuine();
      return { ...g, payload: `${g.payload.slice(0, 8)} ${g.payload.slice(8)}` };
    },
    'ENCODING_INVALID',
  ],
  [
    'standard base64 characters',
    () => {
      const g = genuine();
      g.signatures[0].protected = g.signatures[0].protected.replace(/^./, '+');
      return g;
    },
    'ENCODING_INVALID',
  ],
  [
    'non-canonical trailing bits in the payload',
    () => {
      const g = signedText(canonicalTestText());
      const last = g.payload.slice(-1);
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      return { ...g, payload: g.payload.slice(0, -1) + alphabet[alphabet.indexOf(last) + 1] };
    },
    'ENCODING_INVALID',
  ],
  [
    'a signature of the wrong length',
    () => {
      const g = genuine();
      g.signatures[0].signature = g.signatures[0].signature.slice(0, 80);
      return g;
    },
    'ENCODING_INVALID',
  ],
  [
    'a payload that is not UTF-8',
    () => {
      const bad = b64u(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
      return {
        payload: bad,
        signatures: [
          signEntry(bad, header(), amr.privateKey),
          signEntry(bad, header({ kid: hrss.kid }), hrss.privateKey),
        ],
      };
    },
    'ENCODING_INVALID',
  ],
  ['a payload with a byte-order mark', () => signedText('\ufeff' + JSON.stringify(sampleClaims())), 'ENCODING_INVALID'],
  ['a payload that is not JSON', () => signedText('hello'), 'PAYLOAD_INVALID'],
  [
    'a payload repeating a member',
    () => signedText(JSON.stringify(sampleClaims()).replace('"name":"张三"', '"name":"张三","name":"李四"')),
    'PAYLOAD_DUPLICATE_KEY',
  ],
  ['a payload with an added member', () => generalJws(sampleClaims({ admin: true }), [amr, hrss]), 'PAYLOAD_SCHEMA'],
  [
    'a payload missing a member',
    () => {
      const c = sampleClaims();
      delete c.emp;
      return generalJws(c, [amr, hrss]);
    },
    'PAYLOAD_SCHEMA',
  ],
  ['a payload with one issuer', () => generalJws(sampleClaims({ iss: ['amr'] }), [amr, hrss]), 'PAYLOAD_SCHEMA'],
  [
    'a payload naming an unknown specialty',
    () => generalJws(sampleClaims({ spec: 'law' }), [amr, hrss]),
    'PAYLOAD_SCHEMA',
  ],
  [
    'a payload issued in the future',
    () => generalJws(sampleClaims({ iat: NOW.getTime() / 1000 + 3600 }), [amr, hrss]),
    'ISSUED_IN_FUTURE',
  ],
  ['a credential over 64 KB', () => JSON.stringify({ ...genuine(), pad: 'x'.repeat(70_000) }), 'CREDENTIAL_TOO_LARGE'],
  [
    'a payload over the size limit',
    () => generalJws(sampleClaims({ emp: '浙'.repeat(2000) }), [amr, hrss]),
    'CREDENTIAL_TOO_LARGE',
  ],
];

describe('checkCredentialSignatures', () => {
  it('accepts a genuine credential, as an object and as JSON text', async () => {
    for (const input of [genuine(), JSON.stringify(genuine())]) {
      const check = await checkCredentialSignatures(input, keys, NOW);
      expect(check.reasons).toEqual([]);
      expect(check.ok).toBe(true);
      expect(check.signatures).toEqual([
        { authority: 'amr', kid: amr.kid, valid: true },
        { authority: 'hrss', kid: hrss.kid, valid: true },
      ]);
      expect(check.claims).toEqual(sampleClaims());
    }
  });

  it('accepts the two genuine signatures in the other order', async () => {
    const g = genuine();
    g.signatures.reverse();
    const check = await checkCredentialSignatures(g, keys, NOW);
    expect(check.ok).toBe(true);
    expect(check.signatures.map((s) => s.authority)).toEqual(['hrss', 'amr']);
  });

  it('accepts a credential signed with a retired key of an authority', async () => {
    const check = await checkCredentialSignatures(generalJws(sampleClaims(), [amrRetired, hrss]), keys, NOW);
    expect(check.ok).toBe(true);
  });

  it.each(cases)('refuses %s', async (_label, build, expected) => {
    const check = await checkCredentialSignatures(build(), keys, NOW);
    expect(check.ok).toBe(false);
    expect(check.reasons.map((r) => r.code)).toContain(expected);
    expect(check.reasons.every((r) => r.message.length > 0)).toBe(true);
  });

  it('names which signature failed', async () => {
    const g = genuine();
    const s = Buffer.from(g.signatures[1].signature, 'base64url');
    s[0] ^= 0x80;
    g.signatures[1].signature = s.toString('base64url');
    const check = await checkCredentialSignatures(g, keys, NOW);
    expect(check.signatures.map((x) => [x.authority, x.valid])).toEqual([
      ['amr', true],
      ['hrss', false],
    ]);
    expect(check.reasons).toEqual([{ code: 'SIGNATURE_INVALID', message: expect.stringContaining('hrss') }]);
  });
});
