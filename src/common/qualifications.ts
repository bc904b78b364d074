/**
 * The qualification vocabulary, defined once: the levels and specialties an evaluation covers,
 * their Chinese names, their one-letter codes (the QR token's `l` and `s`, docs/qr-token.md),
 * which specialties each level evaluates, and the certificate number built from them.
 * Pure and isomorphic: the verification page bundles this file too.
 */

/** 正高级工程师 (`professor`) and 高级工程师 (`senior`), as the API spells them. */
export const LEVELS = ['professor', 'senior'] as const;
export type Level = (typeof LEVELS)[number];

export const SPECIALTIES = ['quality', 'metrology', 'standardization', 'special-equipment'] as const;
export type Specialty = (typeof SPECIALTIES)[number];

export const LEVEL_NAMES: Record<Level, string> = { professor: '正高级工程师', senior: '高级工程师' };

export const SPECIALTY_NAMES: Record<Specialty, string> = {
  quality: '质量',
  metrology: '计量',
  standardization: '标准化',
  'special-equipment': '特种设备',
};

/** docs/rules.md 三.三: special equipment is evaluated for 正高级工程师 only. */
export const SPECIALTIES_BY_LEVEL: Record<Level, readonly Specialty[]> = {
  professor: ['quality', 'metrology', 'standardization', 'special-equipment'],
  senior: ['quality', 'metrology', 'standardization'],
};

/** A level's one-letter code: the QR token's `l`, and the third letter of its certificate numbers. */
export const LEVEL_CODES = { professor: 'Z', senior: 'G' } as const satisfies Record<Level, string>;
export type LevelCode = (typeof LEVEL_CODES)[Level];

/** A specialty's one-letter code: the QR token's `s`. */
export const SPECIALTY_CODES = {
  quality: 'Q',
  metrology: 'M',
  standardization: 'S',
  'special-equipment': 'E',
} as const satisfies Record<Specialty, string>;
export type SpecialtyCode = (typeof SPECIALTY_CODES)[Specialty];

/** Swaps keys and values: the code tables read backwards. */
function invert<K extends string, V extends string>(table: Record<K, V>): Record<V, K> {
  return Object.fromEntries(Object.entries(table).map(([key, value]) => [value, key])) as Record<V, K>;
}

/** The level a one-letter code stands for. */
export const LEVEL_BY_CODE = invert(LEVEL_CODES);

/** The specialty a one-letter code stands for. */
export const SPECIALTY_BY_CODE = invert(SPECIALTY_CODES);

export function isLevel(value: unknown): value is Level {
  return (LEVELS as readonly unknown[]).includes(value);
}

export function isSpecialty(value: unknown): value is Specialty {
  return (SPECIALTIES as readonly unknown[]).includes(value);
}

export function isLevelCode(value: unknown): value is LevelCode {
  return (Object.values(LEVEL_CODES) as unknown[]).includes(value);
}

export function isSpecialtyCode(value: unknown): value is SpecialtyCode {
  return (Object.values(SPECIALTY_CODES) as unknown[]).includes(value);
}

/** Certificate numbers: ZJ + the level's code (Z 正高, G 高级) + evaluation year + 6-digit sequence. */
export const CERTIFICATE_NO_PATTERN = new RegExp(`^ZJ[${Object.values(LEVEL_CODES).join('')}]\\d{10}$`);

export interface CertificateNoParts {
  level: Level;
  year: number;
  sequence: number;
}

/** The certificate number of a level's `sequence`-th certificate of an evaluation year. */
export function formatCertificateNo(level: Level, year: number, sequence: number): string {
  if (sequence < 1 || sequence > 999_999) throw new RangeError(`sequence ${sequence} out of range`);
  return `ZJ${LEVEL_CODES[level]}${year}${String(sequence).padStart(6, '0')}`;
}

/** The parts of a certificate number, or undefined when it does not have the shape. */
export function parseCertificateNo(value: string): CertificateNoParts | undefined {
  const code = value.charAt(2);
  if (!CERTIFICATE_NO_PATTERN.test(value) || !isLevelCode(code)) return undefined;
  return { level: LEVEL_BY_CODE[code], year: Number(value.slice(3, 7)), sequence: Number(value.slice(7)) };
}
