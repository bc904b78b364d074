import { certificateFields, type PrintedCertificate } from './certificate-fields';
import { loadCertificateLayout } from './certificate-layout';
import { fontMeasure, openLayoutFonts } from './cjk-fonts';
import { NO_LINE_END, NO_LINE_START } from './line-breaking';
import { MM, planCertificatePage, type PagePlan, type TextBox } from './page-plan';

const layout = loadCertificateLayout();
const measure = fontMeasure(openLayoutFonts(layout));
const ADDRESS = 'https://zs.example.test/v';

function certificate(overrides: Partial<PrintedCertificate> = {}): PrintedCertificate {
  return {
    certificateNo: 'ZJZ2026000001',
    holderName: '欧阳娜娜',
    gender: '女',
    idNumber: '33010219800101128X',
    employer: '浙江省特种设备科学研究院湖州分院检验检测技术中心',
    level: 'professor',
    specialty: 'special-equipment',
    passedOn: '2026-11-20',
    approvalDocument: '浙市监人〔2026〕12号',
    issuedAt: '2026-11-27T02:00:00.000Z',
    ...overrides,
  };
}

function plan(overrides: Partial<PrintedCertificate> = {}, qrModules = 97, development = true): PagePlan {
  return planCertificatePage(layout, certificateFields(certificate(overrides), layout), qrModules, ADDRESS, measure, {
    development,
  });
}

type Rect = Pick<TextBox, 'x' | 'y' | 'width' | 'height'> & { role: string; text: string };

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function overlappingPairs(rects: Rect[]): string[] {
  const pairs: string[] = [];
  rects.forEach((a, i) =>
    rects.slice(i + 1).forEach((b) => overlaps(a, b) && pairs.push(`${a.role} "${a.text}" × ${b.role} "${b.text}"`)),
  );
  return pairs;
}

function qrZone(p: PagePlan): Rect {
  const { x, y, symbolPt, quietZonePt } = p.qr;
  return {
    role: 'qr',
    text: '',
    x: x - quietZonePt,
    y: y - quietZonePt,
    width: symbolPt + 2 * quietZonePt,
    height: symbolPt + 2 * quietZonePt,
  };
}

/** A seal's square: it may cover its own authority's name and the date, nothing else. */
function sealZones(p: PagePlan): Rect[] {
  return p.seals.map((seal) => ({
    role: 'seal',
    text: seal.name,
    x: seal.x,
    y: seal.y,
    width: seal.diameterPt,
    height: seal.diameterPt,
  }));
}

function expectClean(p: PagePlan): void {
  expect(overlappingPairs([...p.texts, qrZone(p)])).toEqual([]);
  const underSeals = p.texts.filter((box) => box.role !== 'issuer' && box.role !== 'issuer-date');
  expect(
    overlappingPairs([...sealZones(p), ...underSeals, qrZone(p)]).filter((pair) => pair.startsWith('seal')),
  ).toEqual([]);
  for (const seal of sealZones(p)) {
    const own = p.texts.find((box) => box.role === 'issuer' && box.text === seal.text);
    // GB/T 9704: the seal sits centred over its authority's name.
    expect(own!.x + own!.width / 2).toBeCloseTo(seal.x + seal.width / 2);
  }
  const lines = p.texts.filter((box) => box.role === 'statement').map((box) => box.text);
  for (const line of lines) {
    expect(NO_LINE_START).not.toContain(line[0]);
    expect(NO_LINE_END).not.toContain(line[line.length - 1]);
  }
  // No single character alone on the statement's last line (punctuation not counted).
  expect([...lines[lines.length - 1].replace(/[，。、；：]/g, '')].length).toBeGreaterThanOrEqual(2);
  const frame = (layout.border.insetMm + layout.border.gapMm) * MM;
  for (const box of [...p.texts, qrZone(p), ...sealZones(p)]) {
    expect(box.x).toBeGreaterThan(frame);
    expect(box.y).toBeGreaterThan(frame);
    expect(box.x + box.width).toBeLessThan(p.widthPt - frame);
    expect(box.y + box.height).toBeLessThan(p.heightPt - frame);
  }
  for (const value of p.texts.filter((box) => box.role.startsWith('value:'))) {
    expect(value.x + value.width).toBeLessThanOrEqual(layout.fields.rightMm * MM + 0.01);
  }
}

describe('certificate page plan', () => {
  it('has no overlapping text for a 4-character name and a 30-character employer', () => {
    const employer = '浙江省特种设备科学研究院湖州分院承压设备检验检测技术研究中心';
    expect([...employer]).toHaveLength(30);
    const p = plan({ holderName: '欧阳娜娜', employer });
    expectClean(p);
    expect(
      p.texts
        .filter((box) => box.role === 'value:employer')
        .map((box) => box.text)
        .join(''),
    ).toBe(employer);
    expect(p.texts.find((box) => box.role === 'value:holderName')).toMatchObject({
      text: '欧阳娜娜',
      sizePt: layout.fields.value.sizePt,
    });
  });

  it('still fits the longest values the registry accepts (40-character name, 100-character employer)', () => {
    const p = plan({ holderName: '买买提·艾力'.repeat(7).slice(0, 40), employer: '浙江省质量科学研究院'.repeat(10) });
    expectClean(p);
  });

  it('lays out 高级工程师 with its own committee, and smaller QR versions with a wider quiet zone', () => {
    const p = plan({ level: 'senior', specialty: 'quality', certificateNo: 'ZJG2026000001' }, 57);
    expectClean(p);
    expect(
      p.texts
        .filter((box) => box.role === 'statement')
        .map((box) => box.text)
        .join(''),
    ).toContain('浙江省质量技术基础专业高级工程师职务任职资格评审委员会');
  });

  it('prints the QR at 48 mm or more, so a version-20 module is at least 0.49 mm (~1.9 px at 100 dpi)', () => {
    const p = plan();
    expect(p.qr.symbolPt / MM).toBeGreaterThanOrEqual(48);
    expect(p.qr.symbolPt / MM / 97).toBeGreaterThanOrEqual(0.49);
    expect(p.qr.quietZonePt).toBeCloseTo((p.qr.symbolPt / 97) * 4);
  });

  it('names the authorities in one order, AMR first, each under its seal, and prints the date once', () => {
    const p = plan();
    expect(p.seals.map((seal) => [seal.authority, seal.name])).toEqual([
      ['amr', '浙江省市场监督管理局'],
      ['hrss', '浙江省人力资源和社会保障厅'],
    ]);
    expect(p.texts.filter((box) => box.role === 'issuer').map((box) => box.text)).toEqual(p.seals.map((s) => s.name));
    expect(p.texts.find((box) => box.role === 'footer')?.text).toBe(
      '浙江省市场监督管理局、浙江省人力资源和社会保障厅监制',
    );
    const dates = p.texts.filter((box) => /2026年11月27日|二〇二六年十一月二十七日/.test(box.text));
    expect(dates.map((box) => [box.role, box.text])).toEqual([['issuer-date', '二〇二六年十一月二十七日']]);
    // GA 241-2000: a provincial department's seal is 42 mm across; seals never touch (GB/T 9704).
    expect(p.seals.every((seal) => Math.abs(seal.diameterPt / MM - 42) < 1e-9)).toBe(true);
    expect(p.seals[1].x - p.seals[0].x).toBeGreaterThan(p.seals[0].diameterPt);
  });

  it('marks a development page 样本, across the page and on every seal; a production page not at all', () => {
    const dev = plan({}, 97, true);
    expect(dev.sampleMark).toMatchObject({ text: '样本' });
    expect(dev.seals.map((seal) => seal.sample)).toEqual(['样本', '样本']);
    const production = plan({}, 97, false);
    expect(production.sampleMark).toBeUndefined();
    expect(production.seals.map((seal) => seal.sample)).toEqual([undefined, undefined]);
    expect(JSON.stringify(production)).not.toContain('样本');
  });

  it('letter-spaces the subtitle in one box (one text run), so it extracts as words', () => {
    const subtitle = plan().texts.filter((box) => box.role === 'subtitle');
    expect(subtitle).toHaveLength(1);
    expect(subtitle[0].runs).toHaveLength(1);
    expect(subtitle[0].characterSpacingPt).toBeGreaterThan(0);
  });
});
