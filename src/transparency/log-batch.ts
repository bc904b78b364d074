import { hashKeyId, hashesToStore, treeHash, type Hash, type HashKey } from './merkle';

/**
 * The stored hashes a tree of `size` leaves ends with: one complete subtree per set bit of
 * `size`. Appending any number of leaves after them combines only with these and with hashes
 * the appended leaves produce themselves.
 */
export function frontier(size: number): HashKey[] {
  const keys: HashKey[] = [];
  for (let level = 0; size >> level > 0; level++)
    if ((size >> level) & 1) keys.push({ level, index: (size >> level) - 1 });
  return keys;
}

/**
 * Appends `leafHashes` after the first `first` leaves, in process: the hashes to store (each
 * leaf and each subtree it completes, in order) and the new root. `known` holds the frontier of
 * `first` and is extended with what the batch produces.
 */
export function appendLeaves(
  first: number,
  leafHashes: Hash[],
  known: Map<string, Hash>,
): { stored: Array<HashKey & { hash: Hash }>; root: Hash } {
  const lookup = (level: number, index: number): Hash => {
    const hash = known.get(hashKeyId(level, index));
    if (!hash) throw new Error(`transparency log hash at level ${level}, index ${index} is missing`);
    return hash;
  };
  const stored: Array<HashKey & { hash: Hash }> = [];
  leafHashes.forEach((leaf, k) => {
    for (const h of hashesToStore(first + k, leaf, lookup)) {
      known.set(hashKeyId(h.level, h.index), h.hash);
      stored.push(h);
    }
  });
  return { stored, root: treeHash(first + leafHashes.length, lookup) };
}
