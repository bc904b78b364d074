/** The two authorities that jointly issue every certificate (docs/rules.md 四.四.2). */
export const AUTHORITY_IDS = ['amr', 'hrss'] as const;
export type AuthorityId = (typeof AUTHORITY_IDS)[number];

export const AUTHORITY_NAMES: Record<AuthorityId, { zh: string; en: string }> = {
  amr: { zh: '浙江省市场监督管理局', en: 'Zhejiang Administration for Market Regulation' },
  hrss: {
    zh: '浙江省人力资源和社会保障厅',
    en: 'Zhejiang Department of Human Resources and Social Security',
  },
};

export function isAuthorityId(value: unknown): value is AuthorityId {
  return typeof value === 'string' && (AUTHORITY_IDS as readonly string[]).includes(value);
}
