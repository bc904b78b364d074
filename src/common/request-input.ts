import { toNfc } from './text-input';

/**
 * Request bodies and query strings as the service reads them, before anything recursive (the
 * validation pipe, class-transformer) sees them. Pure, so the checks are testable alone.
 */

/** No request of this API nests deeper than a few levels; a credential is about five. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]

/**
 * Whether JSON text opens more than `max` objects or arrays inside one another. A linear scan
 * of the raw text: a recursive check (or parser) would itself overflow the stack on the
 * thousands of levels it is meant to refuse. Brackets inside strings do not count.
 */
export function jsonNestsDeeperThan(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (OPEN.has(c)) {
      if (++depth > max) return true;
    } else if (CLOSE.has(c)) {
      depth--;
    }
  }
  return false;
}

/**
 * The first name an object of valid JSON text repeats (compared in NFC, as the service reads
 * them), or undefined. JSON.parse keeps the last of two equal names without a word, so a body
 * could carry one value past a check that read another (RFC 8259 §4 leaves it to the parser;
 * I-JSON, RFC 7493 §2.3, forbids it). A linear scan like the depth check; call it on text the
 * JSON parser accepted.
 */
export function jsonRepeatedName(text: string): string | undefined {
  // Per open object or array: the names seen (objects), and whether the next string is a name.
  const frames: Array<{ names: Set<string> | null; nameNext: boolean }> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const top = frames[frames.length - 1];
    if (c === 0x7b) frames.push({ names: new Set(), nameNext: true });
    else if (c === 0x5b) frames.push({ names: null, nameNext: false });
    else if (CLOSE.has(c)) frames.pop();
    else if (c === 0x2c && top?.names) top.nameNext = true;
    else if (c === QUOTE) {
      const start = i;
      for (i++; text.charCodeAt(i) !== QUOTE; i++) if (text.charCodeAt(i) === BACKSLASH) i++;
      if (top?.names && top.nameNext) {
        const name = toNfc(JSON.parse(text.slice(start, i + 1)) as string);
        if (top.names.has(name)) return name;
        top.names.add(name);
        top.nameNext = false;
      }
    }
  }
  return undefined;
}

/**
 * Every string of a parsed JSON value, keys included, in NFC, so a name sent decomposed is
 * stored and looked up as the same name. Recursive: call it only on a value whose depth was
 * checked. Objects are rewritten in place (they come fresh from the parser).
 */
export function normalizeJsonText(value: unknown): unknown {
  if (typeof value === 'string') return toNfc(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = normalizeJsonText(value[i]);
    return value;
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const normalized = normalizeJsonText(record[key]);
      const nfcKey = toNfc(key);
      if (nfcKey !== key) delete record[key];
      record[nfcKey] = normalized;
    }
  }
  return value;
}

/**
 * Decodes a request body's bytes strictly (JSON, forms, CSV files): a byte that is not UTF-8
 * throws, never becomes U+FFFD that would be stored, compared or signed.
 */
export const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Set on a parsed query whose percent-encoding is malformed or is not UTF-8 (`%FF`, `%E5%BC`,
 * `%zz`). The router calls the parser and would crash on a throw, so the parser marks the result
 * and a guard answers 400 BAD_URL (`WellFormedQueryGuard`): a request
 * body's stray byte is refused (BODY_NOT_UTF8), and so is the address's, rather than becoming
 * U+FFFD and being looked up, or redirected to.
 */
export const MALFORMED_QUERY: unique symbol = Symbol('malformedQuery');

/** Each `&`-separated part decodes as UTF-8 (`+` is a space, as in a form). */
export function isWellFormedQuery(query: string): boolean {
  for (const part of query.split('&')) {
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * The query string as an object of NFC strings; a repeated name gives an array (which the
 * DTOs refuse where one value is expected). WHATWG decoding: `+` is a space; a malformed
 * percent-escape marks the result (`MALFORMED_QUERY`) for the 400 (a query's) or the page's
 * 提交内容有误 (a form's, src/web/form-body.ts); the value itself holds U+FFFD. No prototype, so a `__proto__` parameter is just a name.
 */
export function parseQueryString(query: string): Record<string, string | string[]> {
  const result = Object.create(null) as Record<string, string | string[]> & { [MALFORMED_QUERY]?: true };
  if (!isWellFormedQuery(query)) result[MALFORMED_QUERY] = true;
  for (const [rawName, rawValue] of new URLSearchParams(query)) {
    const name = toNfc(rawName);
    const value = toNfc(rawValue);
    const existing = result[name];
    if (existing === undefined) result[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else result[name] = [existing, value];
  }
  return result;
}

/** Whether a request's parsed query carries the mark of a malformed one. */
export function isMalformedQuery(query: unknown): boolean {
  return typeof query === 'object' && query !== null && MALFORMED_QUERY in query;
}
