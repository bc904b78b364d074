import { createHash } from 'node:crypto';

/** The leaf's `sha256` of a signed credential: SHA-256 (hex) of its JSON text exactly as stored and served. */
export function credentialDigest(credentialJson: string): string {
  return createHash('sha256').update(credentialJson, 'utf8').digest('hex');
}

/**
 * The leaf's `sha256` of a decision: SHA-256 (hex) of the JSON array of its fields in the order
 * docs/transparency-log.md lists them, so the office can later show which decision a leaf records.
 */
export function decisionDigest(fields: ReadonlyArray<string | number | boolean | null>): string {
  return createHash('sha256').update(JSON.stringify(fields), 'utf8').digest('hex');
}
