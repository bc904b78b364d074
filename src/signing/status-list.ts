/**
 * The status list (docs/status-list.md): the IETF Token Status List data model
 * (draft-ietf-oauth-status-list) — one bit per certificate, 1 = revoked, DEFLATE-compressed
 * (ZLIB format, RFC 1950) and base64url-encoded — signed by both authorities like a
 * credential. Pure and isomorphic: CompressionStream exists in browsers and in Node 18+.
 */
import { base64url } from 'jose';
import {
  checkJwsParts,
  failed,
  isReason,
  JwsProfile,
  KeyLookup,
  readGeneralJws,
  SignatureCheck,
} from './credential-verifier';
import { decodeBase64urlStrict } from './strict-encoding';

/** The media type the IETF draft gives a status list token in JWT form. */
export const STATUS_LIST_TYP = 'statuslist+jwt';

export interface StatusListClaims {
  /** The URL the list is served at. */
  sub: string;
  iat: number;
  exp: number;
  /** Seconds a verifier may cache the list. */
  ttl: number;
  status_list: { bits: 1; lst: string };
}

export function findStatusListProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '(payload)';
  const c = value as Record<string, unknown>;
  const extra = Object.keys(c).find((name) => !['sub', 'iat', 'exp', 'ttl', 'status_list'].includes(name));
  if (extra !== undefined) return extra;
  const list = c.status_list as Record<string, unknown> | undefined;
  const checks: Array<[string, boolean]> = [
    ['sub', typeof c.sub === 'string' && c.sub.length < 512],
    ['iat', Number.isInteger(c.iat)],
    ['exp', Number.isInteger(c.exp) && (c.exp as number) > (c.iat as number)],
    ['ttl', Number.isInteger(c.ttl) && (c.ttl as number) > 0],
    [
      'status_list',
      typeof list === 'object' &&
        list !== null &&
        list.bits === 1 &&
        typeof list.lst === 'string' &&
        Object.keys(list).length === 2,
    ],
  ];
  return checks.find(([, ok]) => !ok)?.[0];
}

export const STATUS_LIST_PROFILE: JwsProfile<StatusListClaims> = {
  typ: STATUS_LIST_TYP,
  // 2^20 entries: 128 KiB uncompressed, base64url a third larger, even if nothing compresses.
  maxPayloadChars: 256 * 1024,
  claimsProblem: findStatusListProblem,
  issuedAt: (c) => c.iat,
};

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

/** Compresses a bit array (index i is bit i % 8, least significant first, of byte i / 8). */
export async function encodeStatusBits(bits: Uint8Array): Promise<string> {
  return base64url.encode(await pipe(bits, new CompressionStream('deflate')));
}

/** The status of `index` in a list: 1 revoked, 0 valid; undefined when the list is unreadable or too short. */
export async function statusAt(lst: string, index: number): Promise<0 | 1 | undefined> {
  const compressed = decodeBase64urlStrict(lst);
  if (!compressed) return undefined;
  let bits: Uint8Array;
  try {
    bits = await pipe(compressed, new DecompressionStream('deflate'));
  } catch {
    return undefined;
  }
  const byte = bits[Math.floor(index / 8)];
  return byte === undefined ? undefined : ((byte >> (index % 8)) & 1) === 1 ? 1 : 0;
}

/** Verifies a status list's two signatures by the same rules as a credential's. */
export async function checkStatusListSignatures(
  input: unknown,
  keys: KeyLookup,
  now: Date,
): Promise<SignatureCheck<StatusListClaims>> {
  const parts = readGeneralJws(input);
  return isReason(parts) ? failed<StatusListClaims>([parts]) : checkJwsParts(parts, keys, now, STATUS_LIST_PROFILE);
}
