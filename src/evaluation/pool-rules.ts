import { AppError } from '../common/app-error';
import type { Level } from '../common/qualifications';

/** 正高 (full senior title) or 副高 (associate senior title). */
export type TitleRank = 'full' | 'associate';

export interface ExpertTitle {
  rank: TitleRank;
  /** The date the title was obtained, YYYY-MM-DD. */
  since: string;
  /** 专业技术突出: lets a 正高 holder of under 3 years join the 高级 pool. */
  outstanding: boolean;
}

/** 三.二.2: "人数要求 50 人以上" (以上 includes 50). */
export const MIN_POOL_SIZE = 50;
/** 三.二.2: the pool is normally adjusted every 3 years. */
export const POOL_REVIEW_YEARS = 3;

/**
 * The date `years` after `date`: the same month and day, 29 February becoming 1 March in a
 * common year, so a tenure is complete on its anniversary and never a day early.
 */
export function anniversary(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** Whether a title held since `since` has been held `years` full years on `date`. */
export function heldFor(since: string, years: number, date: string): boolean {
  return date >= anniversary(since, years);
}

/**
 * 三.二.2: pool members hold 正高 for 3 years or more; the 高级 pool may also take outstanding
 * 正高 holders of under 3 years and 副高 holders of 5 years or more. A title obtained after
 * `date` does not count at all.
 */
export function isEligibleAt(level: Level, title: ExpertTitle, date: string): boolean {
  if (title.since > date) return false;
  if (title.rank === 'full' && heldFor(title.since, 3, date)) return true;
  if (level === 'professor') return false;
  if (title.rank === 'full') return title.outstanding;
  return heldFor(title.since, 5, date);
}

/** 三.二.2: no committee is drawn from a pool of fewer than 50 eligible members. */
export function checkPoolSize(eligible: number): void {
  if (eligible < MIN_POOL_SIZE) {
    throw new AppError(
      'POOL_TOO_SMALL',
      `The pool has ${eligible} eligible members; a draw needs at least ${MIN_POOL_SIZE}.`,
      { eligible, required: MIN_POOL_SIZE },
    );
  }
}

/** 三.二.2: a pool last reviewed more than 3 years before `today` is flagged. */
export function isReviewOverdue(reviewedOn: string, today: string): boolean {
  return today > anniversary(reviewedOn, POOL_REVIEW_YEARS);
}
