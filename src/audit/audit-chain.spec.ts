import { checkChain, entryHash, GENESIS_HASH } from './audit-chain';

function chain(n: number) {
  const entries = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = {
      seq,
      at: '2026-11-27T02:00:00.000Z',
      actor: 'amr-issuer',
      authority: 'amr',
      action: 'certificate.issued',
      subject: `ZJZ2026${String(seq).padStart(6, '0')}`,
      details: '{}',
    };
    const hash = entryHash(prevHash, fields);
    entries.push({ ...fields, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

describe('checkChain', () => {
  it('accepts an intact chain', async () => {
    expect(await checkChain(chain(5))).toEqual({ ok: true, entries: 5 });
  });

  it('names an edited entry, a deleted one, and a relinked one', async () => {
    const edited = chain(5);
    edited[2] = { ...edited[2], actor: 'someone-else' };
    expect(await checkChain(edited)).toMatchObject({
      ok: false,
      brokenAt: 3,
      problem: 'content does not match its hash',
    });
    const deleted = chain(5).filter((e) => e.seq !== 2);
    expect(await checkChain(deleted)).toMatchObject({ ok: false, brokenAt: 3, problem: 'entry 2 is missing' });
    const relinked = chain(5);
    relinked[3] = { ...relinked[3], prevHash: GENESIS_HASH };
    expect(await checkChain(relinked)).toMatchObject({
      ok: false,
      brokenAt: 4,
      problem: 'prev_hash does not match the previous entry',
    });
  });
});
