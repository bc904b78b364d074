import { createHash } from 'node:crypto';

/*
 * RFC 9162 §2.1 Merkle tree over stored hashes of complete subtrees, as Go's sumdb/tlog keeps
 * them: the hash at (level, index) covers leaves [index·2^level, (index+1)·2^level). Every
 * complete subtree's hash is written once, when its last leaf is appended, and never changes,
 * so the root of any size and every proof read O(log n) stored hashes.
 */

export type Hash = Uint8Array;

/** A position in the stored hash table. */
export interface HashKey {
  level: number;
  index: number;
}

/** Reads stored hashes; a missing one is a corrupted table and must throw. */
export type HashLookup = (level: number, index: number) => Hash;

/** RFC 9162 §2.1.1: leaf hash = SHA-256(0x00 || leaf). */
export function leafHash(leaf: Uint8Array): Hash {
  return createHash('sha256').update(Uint8Array.of(0)).update(leaf).digest();
}

/** RFC 9162 §2.1.1: node hash = SHA-256(0x01 || left || right). */
export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash('sha256').update(Uint8Array.of(1)).update(left).update(right).digest();
}

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_TREE_HASH: Hash = createHash('sha256').digest();

/**
 * The hashes to store when leaf number `n` (0-based) is appended: the leaf itself, then each
 * complete subtree that leaf closes. `lookup` is asked only for the left siblings (O(log n)).
 */
export function hashesToStore(n: number, leaf: Hash, lookup: HashLookup): Array<HashKey & { hash: Hash }> {
  const out = [{ level: 0, index: n, hash: leaf }];
  let hash = leaf;
  for (let level = 0, index = n; index % 2 === 1; level++, index = Math.floor(index / 2)) {
    hash = nodeHash(lookup(level, index - 1), hash);
    out.push({ level: level + 1, index: Math.floor(index / 2), hash });
  }
  return out;
}

/** The largest power of two smaller than n (n > 1): RFC 9162's split point k. */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[lo:hi]) read from stored hashes: complete aligned subtrees directly, the rest split as RFC 9162 does. */
export function subtreeHash(lo: number, hi: number, lookup: HashLookup): Hash {
  const n = hi - lo;
  if (n === 0) return EMPTY_TREE_HASH;
  if ((n & (n - 1)) === 0 && lo % n === 0) return lookup(Math.log2(n), lo / n);
  const k = split(n);
  return nodeHash(subtreeHash(lo, lo + k, lookup), subtreeHash(lo + k, hi, lookup));
}

/** The root hash of the first `size` leaves. */
export function treeHash(size: number, lookup: HashLookup): Hash {
  return subtreeHash(0, size, lookup);
}

/** RFC 9162 §2.1.3.1 PATH(m, D[lo:hi]): the audit path of leaf m, leaf to root. */
export function inclusionProof(m: number, size: number, lookup: HashLookup): Hash[] {
  if (m < 0 || m >= size) throw new RangeError(`leaf ${m} is not in a tree of size ${size}`);
  const path = (m: number, lo: number, hi: number): Hash[] => {
    if (hi - lo === 1) return [];
    const k = split(hi - lo);
    return m < k
      ? [...path(m, lo, lo + k), subtreeHash(lo + k, hi, lookup)]
      : [...path(m - k, lo + k, hi), subtreeHash(lo, lo + k, lookup)];
  };
  return path(m, 0, size);
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true). */
export function consistencyProof(m: number, n: number, lookup: HashLookup): Hash[] {
  if (m < 1 || m > n) throw new RangeError(`no consistency proof from size ${m} to ${n}`);
  const subproof = (m: number, lo: number, hi: number, complete: boolean): Hash[] => {
    if (m === hi - lo) return complete ? [] : [subtreeHash(lo, hi, lookup)];
    const k = split(hi - lo);
    return m <= k
      ? [...subproof(m, lo, lo + k, complete), subtreeHash(lo + k, hi, lookup)]
      : [...subproof(m - k, lo + k, hi, false), subtreeHash(lo, lo + k, lookup)];
  };
  return subproof(m, 0, n, true);
}

/**
 * Runs `compute` twice: first against a recorder to learn which stored hashes it reads (the
 * algorithms' control flow depends on sizes only, never on hash values), then against those
 * hashes fetched in one round trip. Returns the result and the number of hashes read.
 */
export async function withStoredHashes<T>(
  compute: (lookup: HashLookup) => T,
  fetch: (keys: HashKey[]) => Promise<Map<string, Hash>>,
): Promise<{ result: T; reads: number }> {
  const wanted = new Map<string, HashKey>();
  compute((level, index) => {
    wanted.set(hashKeyId(level, index), { level, index });
    return EMPTY_TREE_HASH;
  });
  const found = await fetch([...wanted.values()]);
  const result = compute((level, index) => {
    const hash = found.get(hashKeyId(level, index));
    if (!hash) throw new MissingHashError(level, index);
    return hash;
  });
  return { result, reads: wanted.size };
}

export function hashKeyId(level: number, index: number): string {
  return `${level}/${index}`;
}

/** A stored hash the tree needs is absent: the table was tampered with or is incomplete. */
export class MissingHashError extends Error {
  constructor(
    readonly level: number,
    readonly index: number,
  ) {
    super(`stored hash at level ${level}, index ${index} is missing`);
  }
}
