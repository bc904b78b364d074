import { AppError } from '../common/app-error';
import type { Specialty } from '../common/qualifications';

/** 三.二.3: "不少于 25 人 … 且人数必须单数". */
export const MIN_COMMITTEE_SIZE = 25;
/** 四.二: "每个专业审议组不少于3名专家". */
export const MIN_GROUP_SIZE = 3;

export function checkCommitteeSize(size: number): void {
  if (!Number.isInteger(size) || size < MIN_COMMITTEE_SIZE || size % 2 === 0) {
    throw new AppError(
      'COMMITTEE_SIZE_INVALID',
      `A committee has an odd number of members, at least ${MIN_COMMITTEE_SIZE}; got ${size}.`,
      { size },
    );
  }
}

/**
 * Seats per specialty (三.二.3 "根据专业配比"): in proportion to the applicants of each
 * specialty by the largest-remainder (Hamilton) method, each specialty with applicants at
 * least 3 (四.二). A specialty without eligible applicants has no review group to form and gets
 * no seat: it is left out of the plan.
 *
 * A specialty whose proportional quota is under 3 is given 3 and set aside; the quotas of the
 * rest are recomputed over the remaining seats and applicants, until every quota left is at
 * least 3. Then each takes the whole part of its quota, and the seats left over go to the
 * largest fractional parts; equal remainders go to the specialty with more applicants, then to
 * the one listed first in `specialties`.
 */
export function allocateSeats(
  size: number,
  specialties: readonly Specialty[],
  applicants: Partial<Record<Specialty, number>>,
): Record<string, number> {
  const count = (s: Specialty) => applicants[s] ?? 0;
  const groups = specialties.filter((s) => count(s) > 0);
  if (groups.length === 0)
    throw new AppError('NO_ELIGIBLE_APPLICANTS', 'No eligible applicant to divide the seats by.');
  if (size < MIN_GROUP_SIZE * groups.length)
    throw new RangeError(`${size} seats cannot give ${groups.length} groups ${MIN_GROUP_SIZE} each`);
  const seats: Record<string, number> = {};
  let open = [...groups];
  for (;;) {
    const free = size - MIN_GROUP_SIZE * (groups.length - open.length);
    const total = open.reduce((sum, s) => sum + count(s), 0);
    const small = open.filter((s) => (free * count(s)) / total < MIN_GROUP_SIZE);
    if (small.length === 0) {
      Object.assign(seats, largestRemainder(free, open, count, total));
      // Keys in the level's order: the seat plan is hashed as canonical JSON.
      return Object.fromEntries(groups.map((s) => [s, seats[s]]));
    }
    for (const s of small) seats[s] = MIN_GROUP_SIZE;
    open = open.filter((s) => !small.includes(s));
    // Quotas under 3 for every group left means the size is below 3 per group, refused above;
    // the last group always takes what is left.
    if (open.length === 0) throw new RangeError(`${size} seats cannot give ${groups.length} groups their share`);
  }
}

function largestRemainder(
  seats: number,
  open: Specialty[],
  count: (s: Specialty) => number,
  total: number,
): Record<string, number> {
  // Integer arithmetic: quota = seats × count / total, remainder compared as seats × count mod total.
  const result: Record<string, number> = {};
  for (const s of open) result[s] = Math.floor((seats * count(s)) / total);
  let left = seats - open.reduce((sum, s) => sum + result[s], 0);
  const byRemainder = open
    .map((s, index) => ({ s, index, remainder: (seats * count(s)) % total }))
    .sort((a, b) => b.remainder - a.remainder || count(b.s) - count(a.s) || a.index - b.index);
  for (const { s } of byRemainder) {
    if (left-- <= 0) break;
    result[s] += 1;
  }
  return result;
}
