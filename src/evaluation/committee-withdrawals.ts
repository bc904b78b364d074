import { AppError } from '../common/app-error';
import { DrawnMember, PoolSnapshot, ranked, short, SnapshotMember } from './committee-draw';

/**
 * Withdrawal (回避, docs/rules.md §回避) of committee members and their replacement. A member
 * withdraws automatically when they work for the employer of an applicant their review group
 * (专业审议组, the specialty whose seats they hold) evaluates, or on a declaration before the
 * meeting. The replacement is the next expert of the same specialty, and for the chair or a
 * vice-chair of the same role pool, in the draw's own ranking (the ranking continues past the
 * seats), skipping anyone ever seated and anyone who conflicts: anyone recomputes it from the
 * published record (docs/evaluation.md).
 */

export type WithdrawalReason = 'same-employer' | 'declared';

/** An expert of the snapshot who works for the employer of an applicant of their specialty. */
export interface Conflict {
  code: string;
  /** The applicant's name (never the ID number) and the shared employer. */
  applicant: string;
  employer: string;
}

export interface Withdrawal {
  code: string;
  reason: WithdrawalReason;
}

export interface Replacement extends Withdrawal {
  withdrawn: DrawnMember;
  replacement: DrawnMember;
}

/** How two employer names are compared: NFC, surrounding and inner white space ignored. */
const employerKey = (employer: string) => employer.normalize('NFC').replace(/\s+/gu, '');

/**
 * The conflicts of a snapshot's experts with the eligible applicants, by code; each names the
 * first applicant (in the order given) of the expert's specialty with the expert's employer.
 */
export function findConflicts(
  experts: ReadonlyArray<{ code: string; specialty: string; affiliation: string }>,
  applicants: ReadonlyArray<{ name: string; employer: string; specialty: string }>,
): Conflict[] {
  const byGroup = new Map<string, { name: string; employer: string }>();
  for (const a of applicants) {
    const key = `${a.specialty}\u0000${employerKey(a.employer)}`;
    if (!byGroup.has(key)) byGroup.set(key, a);
  }
  const conflicts: Conflict[] = [];
  for (const e of experts) {
    const applicant = byGroup.get(`${e.specialty}\u0000${employerKey(e.affiliation)}`);
    if (applicant) conflicts.push({ code: e.code, applicant: applicant.name, employer: applicant.employer });
  }
  return conflicts.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The drawn members who withdraw at the draw, in the committee's order. */
export function automaticWithdrawals(drawn: readonly DrawnMember[], conflicts: readonly Conflict[]): Withdrawal[] {
  const conflicted = new Set(conflicts.map((c) => c.code));
  return drawn.filter((m) => conflicted.has(m.code)).map((m) => ({ code: m.code, reason: 'same-employer' }));
}

const inRolePool = (role: DrawnMember['role'], m: SnapshotMember) =>
  role === 'chair' ? m.chair : role === 'vice-chair' ? m.viceChair : true;

/**
 * Applies the withdrawals in order to the drawn committee: each withdrawing member must sit at
 * that point; the replacement takes their seat and role. Returns the replacements and the
 * committee that sits, in seat order. Refuses (422) a specialty with no one left to replace.
 */
export function replaceWithdrawn(
  key: Buffer,
  snapshot: PoolSnapshot,
  drawn: readonly DrawnMember[],
  conflicts: readonly Conflict[],
  withdrawals: readonly Withdrawal[],
): { replacements: Replacement[]; sitting: DrawnMember[] } {
  const sitting = [...drawn];
  const excluded = new Set([...drawn.map((m) => m.code), ...conflicts.map((c) => c.code)]);
  const replacements: Replacement[] = [];
  for (const w of withdrawals) {
    const seat = sitting.findIndex((m) => m.code === w.code);
    if (seat < 0)
      throw new AppError('NOT_A_COMMITTEE_MEMBER', `${w.code} does not sit on this round's committee.`, {
        codes: [w.code],
      });
    const withdrawn = sitting[seat];
    const [next] = ranked(
      key,
      withdrawn.role,
      snapshot.members.filter(
        (m) => m.specialty === withdrawn.specialty && !excluded.has(m.code) && inRolePool(withdrawn.role, m),
      ),
    );
    if (!next)
      throw short(`${withdrawn.role} candidates of ${withdrawn.specialty} to replace ${withdrawn.code}`, {
        specialty: withdrawn.specialty,
        role: withdrawn.role,
        withdrawn: withdrawn.code,
      });
    const replacement: DrawnMember = { code: next.code, specialty: next.specialty, role: withdrawn.role };
    excluded.add(next.code);
    sitting[seat] = replacement;
    replacements.push({ ...w, withdrawn, replacement });
  }
  return { replacements, sitting };
}
