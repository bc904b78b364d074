/**
 * Strict decoders for the parts of a JWS. Pure and isomorphic (no Buffer, no node:crypto):
 * the verification page in the browser runs this same code.
 */
import { base64url } from 'jose';

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes base64url as RFC 7515 §2 requires it: no padding, no whitespace, no other alphabet,
 * and canonical (the unused trailing bits are zero), so one byte string has exactly one
 * encoding. Returns undefined for anything else.
 */
export function decodeBase64urlStrict(text: string): Uint8Array | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1 || !zeroTrailingBits(text)) return undefined;
  try {
    return base64url.decode(text);
  } catch {
    return undefined;
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A final group of 2 or 3 characters carries 4 or 2 bits that encode nothing; canonical
 * encoding (RFC 4648 §3.5) has them zero, so no two strings decode to the same bytes.
 */
function zeroTrailingBits(text: string): boolean {
  const rest = text.length % 4;
  if (rest === 0) return true;
  const value = ALPHABET.indexOf(text[text.length - 1]);
  return (value & (rest === 2 ? 0x0f : 0x03)) === 0;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Strict UTF-8 (no invalid sequences, no byte-order mark). */
export function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return undefined;
  }
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

export type StrictJsonResult =
  { ok: true; value: unknown } | { ok: false; problem: 'syntax' | 'duplicate-key'; key?: string };

/**
 * JSON.parse, refusing duplicate member names anywhere (RFC 7515 §5.2 step 4 lets a
 * verifier reject them, and we must: two parsers could otherwise read different values).
 */
export function parseJsonStrict(text: string): StrictJsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'syntax' };
  }
  const duplicate = findDuplicateKey(text);
  return duplicate === undefined ? { ok: true, value } : { ok: false, problem: 'duplicate-key', key: duplicate };
}

/**
 * Scans text that JSON.parse has accepted and returns the first member name that repeats
 * within one object. Only strings and braces matter, so a small scanner suffices.
 */
export function findDuplicateKey(text: string): string | undefined {
  // One entry per open container: the member names seen so far, or null for an array.
  const stack: Array<Set<string> | null> = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        // Escapes are rare in member names: only then is the name decoded to compare it.
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (top.has(key)) return key;
        top.add(key);
        expectKey = false;
      }
      i = end;
    } else if (ch === '{') {
      stack.push(new Set());
      expectKey = true;
    } else if (ch === '[') {
      stack.push(null);
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      expectKey = stack[stack.length - 1] !== null;
    }
  }
  return undefined;
}
