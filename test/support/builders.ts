/** A valid issuance request; override any part. */
export function issuanceRequest(
  overrides: Record<string, unknown> = {},
  holder: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    holder: { name: '张三', gender: '男', idNumber: '330102198001011272', employer: '浙江省计量科学研究院', ...holder },
    level: 'professor',
    specialty: 'metrology',
    evaluationYear: 2026,
    passedOn: '2026-11-20',
    approvalDocument: '浙市监人〔2026〕12号',
    ...overrides,
  };
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid GB 11643 ID number from a birth date and a sequence (odd: male, even: female). */
export function makeIdNumber(birth: string, sequence: number, region = '330106'): string {
  const first17 = `${region}${birth.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  return first17 + '10X98765432'[sum % 11];
}
