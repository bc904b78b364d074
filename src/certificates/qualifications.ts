import type { Level, Specialty } from '../signing/credential-claims';

export const LEVEL_NAMES: Record<Level, string> = { professor: '正高级工程师', senior: '高级工程师' };

export const SPECIALTY_NAMES: Record<Specialty, string> = {
  quality: '质量',
  metrology: '计量',
  standardization: '标准化',
  'special-equipment': '特种设备',
};

/** rules.md 三.三: special equipment is evaluated for 正高级工程师 only. */
export const SPECIALTIES_BY_LEVEL: Record<Level, readonly Specialty[]> = {
  professor: ['quality', 'metrology', 'standardization', 'special-equipment'],
  senior: ['quality', 'metrology', 'standardization'],
};


export function formatCertificateNo(level: Level, year: number, sequence: number): string {
  if (sequence < 1 || sequence > 999_999) throw new RangeError(`sequence ${sequence} out of range`);
  return `ZJ${level === 'professor' ? 'Z' : 'G'}${year}${String(sequence).padStart(6, '0')}`;
}
