import {
  CERTIFICATE_NO_PATTERN,
  formatCertificateNo,
  isLevel,
  isLevelCode,
  isSpecialty,
  isSpecialtyCode,
  LEVEL_BY_CODE,
  LEVEL_CODES,
  LEVEL_NAMES,
  LEVELS,
  parseCertificateNo,
  SPECIALTIES,
  SPECIALTIES_BY_LEVEL,
  SPECIALTY_BY_CODE,
  SPECIALTY_CODES,
  SPECIALTY_NAMES,
} from './qualifications';

describe('the qualification vocabulary', () => {
  it('names each level and specialty as the certificates print them, with the QR token codes of docs/qr-token.md', () => {
    expect(LEVELS.map((level) => [level, LEVEL_CODES[level], LEVEL_NAMES[level]])).toEqual([
      ['professor', 'Z', '正高级工程师'],
      ['senior', 'G', '高级工程师'],
    ]);
    expect(SPECIALTIES.map((specialty) => [specialty, SPECIALTY_CODES[specialty], SPECIALTY_NAMES[specialty]])).toEqual(
      [
        ['quality', 'Q', '质量'],
        ['metrology', 'M', '计量'],
        ['standardization', 'S', '标准化'],
        ['special-equipment', 'E', '特种设备'],
      ],
    );
  });

  it('reads every code back to its word, and refuses anything else', () => {
    for (const level of LEVELS) expect(LEVEL_BY_CODE[LEVEL_CODES[level]]).toBe(level);
    for (const specialty of SPECIALTIES) expect(SPECIALTY_BY_CODE[SPECIALTY_CODES[specialty]]).toBe(specialty);
    for (const bad of ['z', 'Q', '', 'ZG', undefined, 1, 'toString']) expect(isLevelCode(bad)).toBe(false);
    for (const bad of ['q', 'Z', '', undefined, 'constructor']) expect(isSpecialtyCode(bad)).toBe(false);
    expect([
      isLevel('senior'),
      isLevel('Senior'),
      isLevel('associate'),
      isSpecialty('special-equipment'),
      isSpecialty('special_equipment'),
    ]).toEqual([true, false, false, true, false]);
  });

  it('evaluates special equipment for 正高级工程师 only (三.三)', () => {
    expect(SPECIALTIES_BY_LEVEL.professor).toEqual(SPECIALTIES);
    expect(SPECIALTIES_BY_LEVEL.senior).toEqual(['quality', 'metrology', 'standardization']);
  });
});

describe('certificate numbers', () => {
  it('are ZJ, the level code, the evaluation year and a 6-digit sequence', () => {
    expect(formatCertificateNo('professor', 2026, 1)).toBe('ZJZ2026000001');
    expect(formatCertificateNo('senior', 2027, 999_999)).toBe('ZJG2027999999');
    expect(() => formatCertificateNo('senior', 2026, 0)).toThrow(RangeError);
    expect(() => formatCertificateNo('senior', 2026, 1_000_000)).toThrow(RangeError);
  });

  it('parse back into what they were built from', () => {
    for (const level of LEVELS) {
      const no = formatCertificateNo(level, 2026, 4321);
      expect(CERTIFICATE_NO_PATTERN.test(no)).toBe(true);
      expect(parseCertificateNo(no)).toEqual({ level, year: 2026, sequence: 4321 });
    }
  });

  it('refuse any other shape', () => {
    for (const bad of [
      'ZJX2026000001',
      'ZJZ202600001',
      'ZJZ20260000011',
      'zjz2026000001',
      'ZJZ2026000001\n',
      ' ZJZ2026000001',
      'ZJＺ2026000001',
      'ZJZ２026000001',
    ]) {
      expect(CERTIFICATE_NO_PATTERN.test(bad)).toBe(false);
      expect(parseCertificateNo(bad)).toBeUndefined();
    }
  });
});
