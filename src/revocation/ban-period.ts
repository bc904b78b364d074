/**
 * docs/rules.md 四.四.3: in serious cases no application "从评审次年起3年内"
 * — for three years counted from the year after the evaluation. Read as whole calendar years:
 * from 1 January of the year after the evaluation year through 31 December of the third year
 * after it, both inclusive (an evaluation in 2026 bars 2027-01-01 to 2029-12-31).
 */
export function banPeriod(evaluationYear: number): { from: string; until: string } {
  return { from: `${evaluationYear + 1}-01-01`, until: `${evaluationYear + 3}-12-31` };
}

/** Inclusive on both ends; dates are YYYY-MM-DD so they compare as text. */
export function isWithin(date: string, period: { from: string; until: string }): boolean {
  return period.from <= date && date <= period.until;
}

/**
 * Whether a ban bars an applicant from a round of `evaluationYear`, applying on `date`: a ban in
 * force that day, or one whose years include the round's. "3年内不得申报" bars the evaluations of
 * those years, so a 2027 round taking applications in December 2026 refuses someone barred for
 * 2027–2029 although the ban starts on 1 January.
 */
export function barsRound(period: { from: string; until: string }, evaluationYear: number, date: string): boolean {
  const year = String(evaluationYear);
  return isWithin(date, period) || (period.from.slice(0, 4) <= year && year <= period.until.slice(0, 4));
}
