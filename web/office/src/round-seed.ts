/**
 * The draw's seed and commitment, made in the officer's browser (docs/evaluation.md §3): 32
 * random bytes as 64 lowercase hex characters, committed to as the SHA-256 of those characters
 * (`printf %s "$SEED" | sha256sum`). The seed never leaves the browser until the draw reveals it.
 */
function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function newSeed(): string {
  return hex(crypto.getRandomValues(new Uint8Array(32)));
}

export async function commitmentOf(seed: string): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(seed))));
}
