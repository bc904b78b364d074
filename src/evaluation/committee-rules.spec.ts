import { allocateSeats, checkCommitteeSize } from './committee-rules';

const PROFESSOR = ['quality', 'metrology', 'standardization', 'special-equipment'] as const;
const SENIOR = ['quality', 'metrology', 'standardization'] as const;
const sum = (seats: Record<string, number>) => Object.values(seats).reduce((a, b) => a + b, 0);

describe('committee size (三.二.3)', () => {
  it('refuses 24 and 26 members and accepts 25', () => {
    expect(() => checkCommitteeSize(24)).toThrow(expect.objectContaining({ code: 'COMMITTEE_SIZE_INVALID' }));
    expect(() => checkCommitteeSize(26)).toThrow(expect.objectContaining({ code: 'COMMITTEE_SIZE_INVALID' }));
    expect(() => checkCommitteeSize(25)).not.toThrow();
    expect(() => checkCommitteeSize(27)).not.toThrow();
    expect(() => checkCommitteeSize(23)).toThrow(expect.objectContaining({ code: 'COMMITTEE_SIZE_INVALID' }));
    expect(() => checkCommitteeSize(25.5)).toThrow(expect.objectContaining({ code: 'COMMITTEE_SIZE_INVALID' }));
  });
});

describe('seats per specialty: largest remainder, at least 3 each (三.二.3, 四.二)', () => {
  it('divides in proportion to the applicants', () => {
    // quotas 25 × (40, 30, 20, 10) / 100 = 10, 7.5, 5, 2.5 → special equipment fixed at 3;
    // then 22 × (40, 30, 20) / 90 = 9.78, 7.33, 4.89 → 9, 7, 4 and the 2 left to the largest remainders.
    expect(
      allocateSeats(25, PROFESSOR, { quality: 40, metrology: 30, standardization: 20, 'special-equipment': 10 }),
    ).toEqual({ quality: 10, metrology: 7, standardization: 5, 'special-equipment': 3 });
  });

  it('gives a specialty with few applicants its minimum review group of 3', () => {
    const seats = allocateSeats(25, PROFESSOR, { quality: 100, metrology: 1, standardization: 2 });
    expect(seats).toEqual({ quality: 19, metrology: 3, standardization: 3 });
  });

  it('gives no seat to a specialty without eligible applicants: it has no review group to form', () => {
    expect(allocateSeats(25, PROFESSOR, { quality: 100, metrology: 1 })).toEqual({ quality: 22, metrology: 3 });
    expect(allocateSeats(25, PROFESSOR, { metrology: 2, 'special-equipment': 0 })).toEqual({ metrology: 25 });
    expect(allocateSeats(25, SENIOR, { quality: 1, standardization: 1 })).toEqual({ quality: 13, standardization: 12 });
  });

  it('always hands out exactly the committee size, keys in the level order', () => {
    for (const [size, counts] of [
      [25, { quality: 7, metrology: 7, standardization: 7 }],
      [27, { quality: 1, metrology: 1, standardization: 1 }],
      [31, { quality: 13, metrology: 8, standardization: 2 }],
      [25, { quality: 3, metrology: 2, standardization: 2, 'special-equipment': 1 }],
    ] as const) {
      const specialties = Object.keys(counts).length === 3 ? SENIOR : PROFESSOR;
      const seats = allocateSeats(size, specialties, counts);
      expect(sum(seats)).toBe(size);
      expect(Object.keys(seats)).toEqual(specialties.filter((s) => s in counts));
      expect(Math.min(...Object.values(seats))).toBeGreaterThanOrEqual(3);
    }
  });

  it('refuses to divide seats without applicants', () => {
    expect(() => allocateSeats(25, SENIOR, {})).toThrow(expect.objectContaining({ code: 'NO_ELIGIBLE_APPLICANTS' }));
    expect(() => allocateSeats(25, SENIOR, { quality: 0 })).toThrow(
      expect.objectContaining({ code: 'NO_ELIGIBLE_APPLICANTS' }),
    );
  });

  it('breaks equal remainders by more applicants, then by the listed order', () => {
    expect(allocateSeats(25, SENIOR, { quality: 5, metrology: 5, standardization: 5 })).toEqual({
      quality: 9,
      metrology: 8,
      standardization: 8,
    });
    expect(allocateSeats(26 - 1, SENIOR, { quality: 2, metrology: 4, standardization: 4 })).toEqual({
      quality: 5,
      metrology: 10,
      standardization: 10,
    });
  });
});
