/**
 * The protected header of each signature of a credential or QR token (RFC 7515 §4.1), read
 * strictly: exactly alg, kid and typ with our values, and never a key reference from the
 * token itself. Pure: the verification page bundles it with the verifier.
 */
import { CREDENTIAL_ALG } from './credential-format';
import { decodeBase64urlStrict, decodeUtf8Strict, parseJsonStrict } from './strict-encoding';
import { Reason, reason } from './verification-reasons';

const FORBIDDEN_KEY_REFERENCES = ['jwk', 'jku', 'x5u', 'x5c', 'x5t', 'x5t#S256'];

export interface ReadHeader {
  kid: string;
}

/**
 * Genuine credentials share a handful of protected headers (one per key), so the outcome of
 * checking one is remembered; the cache is bounded so hostile input cannot grow it.
 */
const headerChecks = new Map<string, ReadHeader | Reason>();
const HEADER_CACHE_LIMIT = 256;

export function checkProtectedHeader(encoded: string, index: number, typ: string): ReadHeader | Reason {
  const cacheKey = `${index}|${typ}|${encoded}`;
  let outcome = headerChecks.get(cacheKey);
  if (outcome === undefined) {
    outcome = readProtectedHeader(encoded, index, typ);
    if (headerChecks.size >= HEADER_CACHE_LIMIT) headerChecks.clear();
    headerChecks.set(cacheKey, outcome);
  }
  return outcome;
}

/** RFC 7515 §4.1 header checks: exactly alg, kid and typ, with our values. */
function readProtectedHeader(encoded: string, index: number, typ: string): ReadHeader | Reason {
  const label = `Signature ${index + 1}`;
  const bytes = decodeBase64urlStrict(encoded);
  const text = bytes && decodeUtf8Strict(bytes);
  if (text === undefined)
    return reason('ENCODING_INVALID', `${label}: the protected header is not canonical base64url of UTF-8.`);
  const parsed = parseJsonStrict(text);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    return reason('HEADER_INVALID', `${label}: the protected header is not a JSON object without repeated members.`);
  }
  const header = parsed.value as Record<string, unknown>;
  if (header.alg !== CREDENTIAL_ALG)
    return reason(
      'ALG_NOT_ALLOWED',
      `${label}: algorithm ${JSON.stringify(header.alg)} is not allowed; only ${CREDENTIAL_ALG}.`,
    );
  if ('crit' in header) return reason('CRIT_UNSUPPORTED', `${label}: no critical header extension is supported.`);
  if ('b64' in header) return reason('B64_UNSUPPORTED', `${label}: unencoded payloads (b64) are not accepted.`);
  const reference = FORBIDDEN_KEY_REFERENCES.find((name) => name in header);
  if (reference)
    return reason(
      'KEY_REFERENCE_FORBIDDEN',
      `${label}: keys are taken only from the published key set, never from "${reference}".`,
    );
  const unexpected = Object.keys(header).find((name) => !['alg', 'kid', 'typ'].includes(name));
  if (unexpected) return reason('HEADER_MEMBER_UNEXPECTED', `${label}: unexpected header member "${unexpected}".`);
  if (typeof header.kid !== 'string' || !('typ' in header))
    return reason('HEADER_MEMBER_MISSING', `${label}: the header must carry "kid" and "typ".`);
  if (header.typ !== typ) return reason('TYP_INVALID', `${label}: typ must be "${typ}".`);
  return { kid: header.kid };
}
