/**
 * The authorities' published keys in the browser: fetched from /.well-known/jwks.json and kept
 * in localStorage, so a phone that verified once can check signatures again offline.
 */
import { AUTHORITY_IDS, type AuthorityId } from '../../keys/authority';
import type { KeyLookup, TrustedKey } from '../../signing/credential-verifier';

const STORAGE_KEY = 'zjzc.jwks.v1';

interface StoredJwks {
  fetchedAt: string;
  jwks: unknown;
}

export interface PublishedKeys {
  lookup: KeyLookup;
  /** When this key set was fetched; older than now when it came from the offline copy. */
  fetchedAt: string;
  fromCache: boolean;
}

interface PublicJwk {
  kid: string;
  authority: AuthorityId;
  x: string;
  y: string;
}

/** Only P-256 public keys that name one of the two authorities; anything else is skipped. */
function readKeys(jwks: unknown): PublicJwk[] {
  const keys = (jwks as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) return [];
  return keys.filter((k): k is PublicJwk => {
    const key = k as Record<string, unknown>;
    return (
      key.kty === 'EC' &&
      key.crv === 'P-256' &&
      typeof key.kid === 'string' &&
      typeof key.x === 'string' &&
      typeof key.y === 'string' &&
      (AUTHORITY_IDS as readonly unknown[]).includes(key.authority)
    );
  });
}

async function toLookup(jwks: unknown): Promise<KeyLookup> {
  const trusted = new Map<string, TrustedKey>();
  for (const jwk of readKeys(jwks)) {
    const key = await crypto.subtle.importKey(
      'jwk',
      { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true },
      { name: 'ECDSA', namedCurve: 'P-256' },
      true,
      ['verify'],
    );
    const verify = (signingInput: Uint8Array, signature: Uint8Array) =>
      crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, signingInput);
    trusted.set(jwk.kid, { authority: jwk.authority, kid: jwk.kid, verify });
  }
  if (trusted.size === 0) throw new Error('the key set holds no usable key');
  return { byKid: (kid) => trusted.get(kid) };
}

function stored(): StoredJwks | undefined {
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    return text ? (JSON.parse(text) as StoredJwks) : undefined;
  } catch {
    return undefined;
  }
}

/** The published keys, fresh when the network allows, else the copy kept from last time. */
export async function loadPublishedKeys(): Promise<PublishedKeys | undefined> {
  try {
    const response = await fetch('/.well-known/jwks.json', { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const jwks: unknown = await response.json();
    const lookup = await toLookup(jwks);
    const fetchedAt = new Date().toISOString();
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ fetchedAt, jwks } satisfies StoredJwks));
    } catch {
      // Private browsing or a full storage: verification still works while online.
    }
    return { lookup, fetchedAt, fromCache: false };
  } catch {
    const copy = stored();
    if (!copy) return undefined;
    return { lookup: await toLookup(copy.jwks), fetchedAt: copy.fetchedAt, fromCache: true };
  }
}
