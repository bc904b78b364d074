/**
 * Reason categories of a revocation, mirroring the misconduct of article 15 of the evaluation
 * conditions (docs/rules.md 四.四.3). Codes are stable.
 */
export const REASON_CATEGORIES = {
  'falsified-materials': '伪造、变造申报材料',
  'fabricated-achievements': '剽窃、抄袭或编造业绩成果',
  'application-fraud': '申报或评审中弄虚作假、请托贿赂',
  'other-serious-violation': '其他严重违纪违规',
} as const;

export type ReasonCategory = keyof typeof REASON_CATEGORIES;
export const REASON_CATEGORY_CODES = Object.keys(REASON_CATEGORIES) as ReasonCategory[];
