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
