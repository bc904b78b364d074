/*
 * C2SP tlog-checkpoint bodies in C2SP signed-note envelopes, co-signed by both authorities with
 * ECDSA P-256 (signature type 0x02, as transparency-dev/witness and Rekor sign notes):
 *   key ID    = SHA-256(SPKI DER of the public key)[:4]
 *   signature = base64(key ID || ASN.1 DER ECDSA-SHA256 signature over the note text)
 * A verifier key is written `<name>+<key ID hex>+<base64(0x02 || SPKI DER)>`.
 * Pure and isomorphic (WebCrypto): the /v page and the monitor verify with this file.
 */
import { AUTHORITY_IDS, type AuthorityId } from '../keys/authority';

/** The log's name: the first line of every checkpoint. */
export const LOG_ORIGIN = 'zjzc.zj.gov.cn/title-certificates/log';

/** Each authority's note key name; both sign every checkpoint. */
export const LOG_KEY_NAMES: Record<AuthorityId, string> = {
  amr: 'amr.zj.gov.cn/title-certificates/log',
  hrss: 'hrss.zj.gov.cn/title-certificates/log',
};

export const ECDSA_SIGNATURE_TYPE = 0x02;

export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Uint8Array;
}

export interface LogVerifier {
  authority: AuthorityId;
  name: string;
  keyId: number;
  key: CryptoKey;
}

export type CheckpointCheck =
  | { ok: true; checkpoint: Checkpoint; signedBy: AuthorityId[] }
  | { ok: false; problem: string; signedBy: AuthorityId[] };

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The checkpoint body (the signed note's text): origin, decimal size, base64 root, each on its line. */
export function checkpointBody(checkpoint: Checkpoint): string {
  return `${checkpoint.origin}\n${checkpoint.size}\n${bytesToBase64(checkpoint.rootHash)}\n`;
}

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Parses a verifier key `<name>+<hex8>+<base64(0x02 || SPKI)>` of one authority. */
export async function importVerifierKey(authority: AuthorityId, vkey: string): Promise<LogVerifier> {
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(vkey.trim());
  if (!match || !STRICT_BASE64.test(match[3])) throw new Error('malformed verifier key');
  const raw = base64ToBytes(match[3]);
  if (raw[0] !== ECDSA_SIGNATURE_TYPE) throw new Error('verifier key is not an ECDSA (0x02) key');
  const spki = raw.slice(1);
  const keyId = await keyIdOf(spki);
  if (keyId !== parseInt(match[2], 16)) throw new Error('verifier key ID does not match its key');
  const key = await crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  return { authority, name: match[1], keyId, key };
}

/** SHA-256(SPKI DER)[:4] as a big-endian uint32 (signature type 0x02). */
export async function keyIdOf(spki: Uint8Array): Promise<number> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', spki));
  return ((digest[0] << 24) | (digest[1] << 16) | (digest[2] << 8) | digest[3]) >>> 0;
}

/**
 * Checks a signed checkpoint: the note's shape (C2SP signed-note), then a valid signature by
 * EACH authority's key; one missing or failing signature rejects the whole checkpoint.
 */
export async function verifyCheckpoint(note: string, verifiers: LogVerifier[]): Promise<CheckpointCheck> {
  const signedBy: AuthorityId[] = [];
  const fail = (problem: string): CheckpointCheck => ({ ok: false, problem, signedBy });
  const split = note.indexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return fail('not a signed note');
  const text = note.slice(0, split + 1);
  const checkpoint = parseCheckpointBody(text);
  if (!checkpoint) return fail('not a checkpoint body');
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > 16) return fail('too many signatures');
  const message = new TextEncoder().encode(text);
  for (const line of lines) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (!match || !STRICT_BASE64.test(match[2])) return fail('malformed signature line');
    const raw = base64ToBytes(match[2]);
    if (raw.length < 5) return fail('malformed signature line');
    const id = ((raw[0] << 24) | (raw[1] << 16) | (raw[2] << 8) | raw[3]) >>> 0;
    // C2SP signed-note: signatures of unknown keys are ignored; a known key's must verify.
    const verifier = verifiers.find((v) => v.name === match[1] && v.keyId === id);
    if (!verifier) continue;
    const signature = derToP1363(raw.slice(4));
    if (
      !signature ||
      !(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, verifier.key, signature, message))
    )
      return fail(`the ${verifier.authority} signature does not verify`);
    if (!signedBy.includes(verifier.authority)) signedBy.push(verifier.authority);
  }
  const missing = AUTHORITY_IDS.filter((authority) => !signedBy.includes(authority));
  if (missing.length > 0) return fail(`no valid ${missing.join(' and ')} signature`);
  if (checkpoint.origin !== LOG_ORIGIN) return fail(`origin ${checkpoint.origin} is not ${LOG_ORIGIN}`);
  return { ok: true, checkpoint, signedBy };
}

/** C2SP tlog-checkpoint: origin, size (decimal, no leading zeros), base64 32-byte root; extension lines allowed. */
export function parseCheckpointBody(text: string): Checkpoint | undefined {
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3 || lines[0] === '' || !/^(0|[1-9]\d{0,15})$/.test(lines[1])) return undefined;
  if (!STRICT_BASE64.test(lines[2])) return undefined;
  const rootHash = base64ToBytes(lines[2]);
  const size = Number(lines[1]);
  if (rootHash.length !== 32 || !Number.isSafeInteger(size)) return undefined;
  return { origin: lines[0], size, rootHash };
}

/** ASN.1 DER ECDSA-Sig-Value → the IEEE P1363 r||s (64 bytes) WebCrypto verifies; undefined if malformed. */
export function derToP1363(der: Uint8Array): Uint8Array | undefined {
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2) return undefined;
  const out = new Uint8Array(64);
  let at = 2;
  for (const offset of [0, 32]) {
    if (der[at] !== 0x02) return undefined;
    const length = der[at + 1];
    let value = der.slice(at + 2, at + 2 + length);
    if (length === 0 || value.length !== length) return undefined;
    while (value.length > 32 && value[0] === 0) value = value.slice(1);
    if (value.length > 32) return undefined;
    out.set(value, offset + 32 - value.length);
    at += 2 + length;
  }
  return at === der.length ? out : undefined;
}
