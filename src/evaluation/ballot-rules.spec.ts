import { checkQuorum, checkTally, passes, quorumOf, twoThirdsOf } from './ballot-rules';

describe('quorum and pass threshold: 三分之二以上 includes two thirds', () => {
  it('computes ceil(2n/3) exactly', () => {
    expect([3, 6, 9, 24, 25, 26, 27, 17, 18, 1, 0].map(twoThirdsOf)).toEqual([2, 4, 6, 16, 17, 18, 18, 12, 12, 1, 0]);
  });

  it('with 25 members, lets 17 present vote and not 16', () => {
    expect(quorumOf(25)).toBe(17);
    expect(() => checkQuorum(17, 25)).not.toThrow();
    expect(() => checkQuorum(16, 25)).toThrow(
      expect.objectContaining({ code: 'QUORUM_NOT_MET', details: { present: 16, needed: 17, committeeSize: 25 } }),
    );
  });

  it('with 17 present, passes on 12 yes and fails on 11', () => {
    expect(passes(12, 17)).toBe(true);
    expect(passes(11, 17)).toBe(false);
    expect(passes(17, 25)).toBe(true);
    expect(passes(16, 25)).toBe(false);
    expect(passes(18, 27)).toBe(true); // exactly two thirds passes
  });

  it('accepts a tally only when the ballots add up to the members present', () => {
    expect(() => checkTally({ yes: 12, no: 3, abstain: 2 }, 17, 1)).not.toThrow();
    expect(() => checkTally({ yes: 12, no: 3, abstain: 3 }, 17, 1)).toThrow(
      expect.objectContaining({ code: 'TALLY_MISMATCH' }),
    );
    expect(() => checkTally({ yes: 12, no: 3, abstain: 1 }, 17, 1)).toThrow(
      expect.objectContaining({ code: 'TALLY_MISMATCH' }),
    );
    expect(() => checkTally({ yes: 18, no: -1, abstain: 0 }, 17, 1)).toThrow(
      expect.objectContaining({ code: 'TALLY_MISMATCH' }),
    );
  });
});
