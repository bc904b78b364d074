import { anniversary, checkPoolSize, isEligibleAt, isReviewOverdue } from './pool-rules';

describe('expert pool rules (三.二.2)', () => {
  const full = (since: string, outstanding = false) => ({ rank: 'full' as const, since, outstanding });
  const associate = (since: string) => ({ rank: 'associate' as const, since, outstanding: false });

  it('completes a 3-year tenure on the exact anniversary, not a day before', () => {
    expect(isEligibleAt('professor', full('2023-11-27'), '2026-11-26')).toBe(false);
    expect(isEligibleAt('professor', full('2023-11-27'), '2026-11-27')).toBe(true);
    expect(isEligibleAt('senior', full('2023-11-27'), '2026-11-26')).toBe(false);
    expect(isEligibleAt('senior', full('2023-11-27'), '2026-11-27')).toBe(true);
  });

  it('moves a 29 February anniversary to 1 March in a common year', () => {
    expect(anniversary('2024-02-29', 3)).toBe('2027-03-01');
    expect(anniversary('2024-02-29', 4)).toBe('2028-02-29');
    expect(isEligibleAt('professor', full('2024-02-29'), '2027-02-28')).toBe(false);
    expect(isEligibleAt('professor', full('2024-02-29'), '2027-03-01')).toBe(true);
  });

  it('takes outstanding 正高 holders of under 3 years into the senior pool only', () => {
    expect(isEligibleAt('senior', full('2025-06-01', true), '2026-11-27')).toBe(true);
    expect(isEligibleAt('professor', full('2025-06-01', true), '2026-11-27')).toBe(false);
    expect(isEligibleAt('senior', full('2026-12-01', true), '2026-11-27')).toBe(false); // not yet obtained
  });

  it('takes 副高 holders of 5 years or more into the senior pool only', () => {
    expect(isEligibleAt('senior', associate('2021-11-27'), '2026-11-26')).toBe(false);
    expect(isEligibleAt('senior', associate('2021-11-27'), '2026-11-27')).toBe(true);
    expect(isEligibleAt('professor', associate('2001-01-01'), '2026-11-27')).toBe(false);
  });

  it('refuses a draw from 49 eligible members and accepts 50', () => {
    expect(() => checkPoolSize(49)).toThrow(
      expect.objectContaining({ code: 'POOL_TOO_SMALL', details: { eligible: 49, required: 50 } }),
    );
    expect(() => checkPoolSize(50)).not.toThrow();
  });

  it('flags a pool not reviewed for over 3 years', () => {
    expect(isReviewOverdue('2023-11-27', '2026-11-27')).toBe(false);
    expect(isReviewOverdue('2023-11-27', '2026-11-28')).toBe(true);
  });
});
