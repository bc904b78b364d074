import { GroupCommit, type Settled } from './group-commit';

/** A flush that records each group it is given and answers each input doubled (odd inputs fail). */
function recorder() {
  const groups: number[][] = [];
  let release: (() => void) | undefined;
  let hold = false;
  const flush = async (inputs: number[]): Promise<Array<Settled<number>>> => {
    groups.push(inputs);
    if (hold) await new Promise<void>((resolve) => (release = resolve));
    return inputs.map((n) =>
      n % 2 === 0 ? { status: 'fulfilled', value: 2 * n } : { status: 'rejected', reason: new Error(`odd ${n}`) },
    );
  };
  return {
    groups,
    flush,
    holdNext: () => (hold = true),
    releaseHeld: () => {
      hold = false;
      release?.();
    },
  };
}

describe('GroupCommit', () => {
  it('flushes a lone call by itself', async () => {
    const r = recorder();
    const commits = new GroupCommit(r.flush, 10);
    await expect(commits.submit(2)).resolves.toBe(4);
    await expect(commits.submit(4)).resolves.toBe(8);
    expect(r.groups).toEqual([[2], [4]]);
  });

  it('writes the calls of one moment together, and those made during a flush in the next one', async () => {
    const r = recorder();
    const commits = new GroupCommit(r.flush, 10);
    r.holdNext();
    const first = [0, 2, 4].map((n) => commits.submit(n));
    await new Promise((resolve) => setImmediate(resolve));
    const later = [6, 8].map((n) => commits.submit(n));
    r.releaseHeld();
    await expect(Promise.all([...first, ...later])).resolves.toEqual([0, 4, 8, 12, 16]);
    expect(r.groups).toEqual([
      [0, 2, 4],
      [6, 8],
    ]);
  });

  it("keeps one input's failure to itself", async () => {
    const r = recorder();
    const commits = new GroupCommit(r.flush, 10);
    const settled = await Promise.allSettled([2, 3, 4].map((n) => commits.submit(n)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(r.groups).toEqual([[2, 3, 4]]);
  });

  it('fails every input of a flush that throws, and goes on with the next group', async () => {
    let calls = 0;
    const commits = new GroupCommit<number, number>((inputs) => {
      if (calls++ === 0) return Promise.reject(new Error('database down'));
      return Promise.resolve(inputs.map((n) => ({ status: 'fulfilled', value: n })));
    }, 10);
    const failed = await Promise.allSettled([1, 2].map((n) => commits.submit(n)));
    expect(failed.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    await expect(commits.submit(3)).resolves.toBe(3);
  });

  it('caps a group at its maximum size', async () => {
    const r = recorder();
    const commits = new GroupCommit(r.flush, 2);
    await Promise.all([0, 2, 4, 6, 8].map((n) => commits.submit(n)));
    expect(r.groups).toEqual([[0, 2], [4, 6], [8]]);
  });
});
