import { createHash } from 'node:crypto';
import {
  consistencyProof,
  hashKeyId,
  hashesToStore,
  inclusionProof,
  leafHash,
  nodeHash,
  treeHash,
  withStoredHashes,
  type Hash,
} from './merkle';
import { verifyConsistency, verifyInclusion } from './merkle-verify';

// RFC 6962 test leaves, as in certificate-transparency's merkle_tree tests.
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(
  (hex) => Buffer.from(hex, 'hex'),
);
const KNOWN_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

// The naive implementation: RFC 9162 §2.1 written over the list of leaves, no stored hashes.
const sha = (...parts: Uint8Array[]) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();
function mth(d: Buffer[]): Hash {
  if (d.length === 0) return sha();
  if (d.length === 1) return sha(Buffer.of(0), d[0]);
  const k = largestPowerBelow(d.length);
  return sha(Buffer.of(1), mth(d.slice(0, k)), mth(d.slice(k)));
}
function largestPowerBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
function naivePath(m: number, d: Buffer[]): Hash[] {
  if (d.length === 1) return [];
  const k = largestPowerBelow(d.length);
  return m < k
    ? [...naivePath(m, d.slice(0, k)), mth(d.slice(k))]
    : [...naivePath(m - k, d.slice(k)), mth(d.slice(0, k))];
}
function naiveSubproof(m: number, d: Buffer[], b: boolean): Hash[] {
  if (m === d.length) return b ? [] : [mth(d)];
  const k = largestPowerBelow(d.length);
  return m <= k
    ? [...naiveSubproof(m, d.slice(0, k), b), mth(d.slice(k))]
    : [...naiveSubproof(m - k, d.slice(k), false), mth(d.slice(0, k))];
}

/** The stored-hash table after appending `leaves` one by one, as the service does. */
function storedTable(leaves: Buffer[]): Map<string, Hash> {
  const table = new Map<string, Hash>();
  leaves.forEach((leaf, n) => {
    for (const h of hashesToStore(n, leafHash(leaf), (level, index) => table.get(hashKeyId(level, index))!))
      table.set(hashKeyId(h.level, h.index), h.hash);
  });
  return table;
}

const hex = (h: Uint8Array) => Buffer.from(h).toString('hex');
const leaves17 = Array.from({ length: 17 }, (_, i) =>
  LEAVES[i % 8].length ? Buffer.concat([LEAVES[i % 8], Buffer.of(i)]) : Buffer.of(i),
);

describe('RFC 9162 Merkle tree over stored subtree hashes', () => {
  it('matches the known roots of the RFC 6962 test leaves (sizes 1–8)', () => {
    const table = storedTable(LEAVES);
    const lookup = (level: number, index: number) => table.get(hashKeyId(level, index))!;
    KNOWN_ROOTS.forEach((root, i) => expect(hex(treeHash(i + 1, lookup))).toBe(root));
    expect(hex(mth(LEAVES))).toBe(KNOWN_ROOTS[7]);
  });

  it('node and leaf hashes are domain-separated (0x00 / 0x01 prefixes)', () => {
    expect(hex(leafHash(Buffer.alloc(0)))).toBe(KNOWN_ROOTS[0]);
    expect(hex(nodeHash(leafHash(LEAVES[0]), leafHash(LEAVES[1])))).toBe(KNOWN_ROOTS[1]);
  });

  for (let n = 1; n <= 17; n++) {
    it(`size ${n}: tree hash, every inclusion and consistency proof equal the naive ones and verify`, async () => {
      const d = leaves17.slice(0, n);
      const table = storedTable(d);
      const lookup = (level: number, index: number) => table.get(hashKeyId(level, index))!;
      const root = treeHash(n, lookup);
      expect(hex(root)).toBe(hex(mth(d)));
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(m, n, lookup);
        expect(proof.map(hex)).toEqual(naivePath(m, d).map(hex));
        await expect(verifyInclusion(m, n, leafHash(d[m]), proof, root)).resolves.toBe(true);
        // A proof for the wrong index or a tampered root does not verify.
        if (n > 1) await expect(verifyInclusion((m + 1) % n, n, leafHash(d[m]), proof, root)).resolves.toBe(false);
        await expect(verifyInclusion(m, n, leafHash(d[m]), proof, sha(root))).resolves.toBe(false);
      }
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(m, n, lookup);
        expect(proof.map(hex)).toEqual(naiveSubproof(m, d, true).map(hex));
        await expect(verifyConsistency(m, n, mth(d.slice(0, m)), root, proof)).resolves.toBe(true);
        if (m < n) {
          const other = mth([...d.slice(0, m - 1), Buffer.from('forged')]);
          await expect(verifyConsistency(m, n, other, root, proof)).resolves.toBe(false);
        }
      }
    });
  }

  it('reads O(log n) stored hashes for a proof in a tree of a million leaves', async () => {
    const { result, reads } = await withStoredHashes(
      (lookup) => inclusionProof(765_432, 1_000_000, lookup),
      (keys) => Promise.resolve(new Map(keys.map((k) => [hashKeyId(k.level, k.index), Buffer.alloc(32)]))),
    );
    expect(result).toHaveLength(20);
    expect(reads).toBeLessThanOrEqual(2 * 20);
  });
});
