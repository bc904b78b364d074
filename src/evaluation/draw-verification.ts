import {
  canonicalSnapshot,
  commitmentOf,
  drawCommittee,
  DrawnMember,
  drawKey,
  PoolSnapshot,
  SeatPlan,
  SEED_PATTERN,
  sha256Hex,
} from './committee-draw';
import { automaticWithdrawals, Conflict, replaceWithdrawn, WithdrawalReason } from './committee-withdrawals';

/** A withdrawal as published: who withdrew, the reason's category, who took the seat. */
export interface PublishedWithdrawal {
  code: string;
  reason: WithdrawalReason;
  replacedBy: string;
}

/** What a draw's published record holds: everything a third party needs to recompute it. */
export interface DrawRecord {
  commitment: string;
  seed: string;
  /** The public witness value mixed into the key; null only for draws recorded before witnesses. */
  witness: string | null;
  snapshot: PoolSnapshot;
  snapshotSha256: string;
  seatPlan: SeatPlan;
  /** The committee as drawn, before any withdrawal. */
  committee: DrawnMember[];
  /** The snapshot's experts who conflict with an applicant of their specialty (frozen at the commitment). */
  conflicts: Conflict[];
  withdrawals: PublishedWithdrawal[];
}

export interface DrawCheck {
  /** SHA-256 of the revealed seed is the commitment published before the draw. */
  commitmentMatches: boolean;
  /** SHA-256 of the canonical snapshot is the hash published with the commitment. */
  snapshotMatches: boolean;
  /** Recomputing the draw gives the published committee, member for member, role for role. */
  committeeMatches: boolean;
  /** The conflicted members drawn withdrew first, and every replacement is the one the ranking gives. */
  withdrawalsMatch: boolean;
  matches: boolean;
  recomputed: DrawnMember[];
  /** The committee that sits, recomputed, in seat order. */
  sitting: DrawnMember[];
}

const sameMember = (a: DrawnMember, b: DrawnMember) =>
  a.code === b.code && a.role === b.role && a.specialty === b.specialty;

/** Recomputes the draw and its replacements from a published record (`draw:verify`, the verification API). */
export function verifyDraw(record: DrawRecord): DrawCheck {
  const commitmentMatches = SEED_PATTERN.test(record.seed) && commitmentOf(record.seed) === record.commitment;
  const snapshotMatches = sha256Hex(canonicalSnapshot(record.snapshot)) === record.snapshotSha256;
  const key = drawKey(record.seed, record.witness);
  let recomputed: DrawnMember[] = [];
  try {
    recomputed = drawCommittee(key, record.snapshot, record.seatPlan);
  } catch {
    // an infeasible snapshot cannot have produced the published committee
  }
  const committeeMatches =
    recomputed.length === record.committee.length && recomputed.every((m, i) => sameMember(m, record.committee[i]));
  const { withdrawalsMatch, sitting } = checkWithdrawals(key, record, recomputed);
  return {
    commitmentMatches,
    snapshotMatches,
    committeeMatches,
    withdrawalsMatch,
    matches: commitmentMatches && snapshotMatches && committeeMatches && withdrawalsMatch,
    recomputed,
    sitting,
  };
}

/** Automatic withdrawals first (the drawn members who conflict), then the declared ones in their order. */
function checkWithdrawals(
  key: Buffer,
  record: DrawRecord,
  drawn: DrawnMember[],
): { withdrawalsMatch: boolean; sitting: DrawnMember[] } {
  const automatic = automaticWithdrawals(drawn, record.conflicts);
  const declared = record.withdrawals.filter((w) => w.reason === 'declared');
  const expected = [...automatic, ...declared.map(({ code, reason }) => ({ code, reason }))];
  try {
    const { replacements, sitting } = replaceWithdrawn(key, record.snapshot, drawn, record.conflicts, expected);
    const withdrawalsMatch =
      replacements.length === record.withdrawals.length &&
      replacements.every(
        (r, i) =>
          r.code === record.withdrawals[i].code &&
          r.reason === record.withdrawals[i].reason &&
          r.replacement.code === record.withdrawals[i].replacedBy,
      );
    return { withdrawalsMatch, sitting };
  } catch {
    // a withdrawal that cannot be applied (not sitting, nobody left) was not recorded by the service
    return { withdrawalsMatch: false, sitting: [] };
  }
}
