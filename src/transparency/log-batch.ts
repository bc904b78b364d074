import { hashKeyId, hashesToStore, treeHash, type Hash, type HashKey } from './merkle';

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
