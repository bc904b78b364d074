import { DOCUMENT_NUMBER_PATTERN } from './formats';

describe('DOCUMENT_NUMBER_PATTERN', () => {
  it.each(['浙市监人〔2026〕12号', '浙人社〔2026〕1号', '国办发明电〔2026〕7号', '浙市监人〔2027〕99999号'])(
    'accepts %s',
    (number) => expect(DOCUMENT_NUMBER_PATTERN.test(number)).toBe(true),
  );

  // GB/T 9704-2012 §7.2.4: the serial is not padded (1 is not 01) and counts from 1.
  it.each([
    ['serial 0', '浙市监人〔2026〕0号'],
    ['a leading zero', '浙市监人〔2026〕012号'],
    ['more than five digits', '浙市监人〔2026〕123456号'],
    ['no issuer', '〔2026〕12号'],
    ['square brackets for the year', '浙市监人[2026]12号'],
    ['第 before the serial', '浙市监人〔2026〕第12号'],
  ])('refuses %s', (_, number) => expect(DOCUMENT_NUMBER_PATTERN.test(number)).toBe(false));
});
