import { breakLines, breakUnits, NO_LINE_END, NO_LINE_START } from './line-breaking';

/** Every character 10 pt wide: line breaking checked without font metrics. */
const tenEach = (s: string) => [...s].length * 10;

describe('breakUnits', () => {
  it('keeps closing marks with the character before, opening marks with the one after, Latin runs whole', () => {
    expect(breakUnits('甲，乙（丙）AB12丁。')).toEqual(['甲，', '乙', '（丙）', 'AB12', '丁。']);
    expect(breakUnits('《标准》')).toEqual(['《标', '准》']);
  });
});

describe('breakLines', () => {
  it('breaks Han text anywhere', () => {
    expect(breakLines('浙江省计量科学研究院', 40, tenEach)).toEqual(['浙江省计', '量科学研', '究院']);
  });

  it('never starts a line with closing punctuation, nor ends one with opening punctuation (避头尾)', () => {
    expect(breakLines('甲乙丙，丁戊己庚', 30, tenEach)).toEqual(['甲乙', '丙，丁', '戊己庚']);
    expect(breakLines('甲乙（丙丁）戊己', 30, tenEach)).toEqual(['甲乙', '（丙', '丁）', '戊己']);
    const text =
      '经浙江省质量技术基础专业（计量）正高级工程师职务任职资格评审委员会评审通过，具备正高级工程师任职资格，特发此证。';
    for (const width of [50, 70, 90, 110, 130, 150, 170, 190]) {
      const lines = breakLines(text, width, tenEach);
      expect(lines.join('')).toBe(text);
      for (const line of lines) {
        expect(NO_LINE_START).not.toContain(line[0]);
        expect(NO_LINE_END).not.toContain(line[line.length - 1]);
        expect(tenEach(line)).toBeLessThanOrEqual(width);
      }
    }
  });

  it('never leaves one character alone on the last line, punctuation not counted', () => {
    // Greedy filling would give ['甲乙丙丁', '戊'] and ['评审通过', '效。'].
    expect(breakLines('甲乙丙丁戊', 40, tenEach)).toEqual(['甲乙丙', '丁戊']);
    expect(breakLines('评审通过效。', 40, tenEach)).toEqual(['评审通', '过效。']);
    const text = '经评审委员会评审通过，具备高级工程师任职资格，特发此证。';
    for (let width = 40; width <= 280; width += 10) {
      const lines = breakLines(text, width, tenEach);
      const last = lines[lines.length - 1].replace(/[，。]/g, '');
      if (lines.length > 1) expect([...last].length).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps a run of Latin letters and digits whole, unless it is longer than a line', () => {
    expect(breakLines('中心ABC12实验室', 60, tenEach)).toEqual(['中心', 'ABC12实', '验室']);
    expect(breakLines('ABCDEFGH', 30, tenEach)).toEqual(['ABC', 'DEF', 'GH']);
  });
});
