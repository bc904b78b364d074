import { AppError } from '../common/app-error';

/**
 * "三分之二以上" includes two thirds itself: the smallest whole number ≥ 2n/3, computed in
 * integers so no rounding error can move a boundary.
 */
export function twoThirdsOf(n: number): number {
  return Math.floor((2 * n + 2) / 3);
}

/** 四.二: a meeting needs at least two thirds of the executive committee present. */
export function quorumOf(committeeSize: number): number {
  return twoThirdsOf(committeeSize);
}

export function checkQuorum(present: number, committeeSize: number): void {
  const needed = quorumOf(committeeSize);
  if (present < needed) {
    throw new AppError(
      'QUORUM_NOT_MET',
      `${present} of ${committeeSize} members are present; a vote needs at least ${needed}.`,
      { present, needed, committeeSize },
    );
  }
}

/** 四.三.5: "获得出席委员三分之二以上赞成票的方为通过". */
export function passes(yes: number, present: number): boolean {
  return yes >= twoThirdsOf(present);
}

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
}

/**
 * 四.三.5: only members present vote, each exactly once per applicant (a blank or spoiled ballot
 * counts as an abstention); absent members may not vote or delegate. So the ballots counted for
 * an applicant must add up to the members present, no more and no fewer.
 */
export function checkTally(tally: Tally, present: number, applicationId: number): void {
  const counts = [tally.yes, tally.no, tally.abstain];
  const cast = tally.yes + tally.no + tally.abstain;
  if (counts.some((c) => !Number.isInteger(c) || c < 0) || cast !== present) {
    throw new AppError(
      'TALLY_MISMATCH',
      `Application ${applicationId}: ${cast} ballots counted for ${present} members present; every member present casts exactly one.`,
      { applicationId, cast, present },
    );
  }
}
