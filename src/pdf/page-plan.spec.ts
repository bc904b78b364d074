import { certificateFields, type PrintedCertificate } from './certificate-fields';
import { loadCertificateLayout } from './certificate-layout';
import { fontMeasure, openLayoutFonts } from './cjk-fonts';
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

function plan(overrides: Partial<PrintedCertificate> = {}, qrModules = 97): PagePlan {
  return planCertificatePage(layout, certificateFields(certificate(overrides), layout), qrModules, ADDRESS, measure);
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

function expectClean(p: PagePlan): void {
  expect(overlappingPairs([...p.texts, qrZone(p)])).toEqual([]);
  const frame = (layout.border.insetMm + layout.border.gapMm) * MM;
  for (const box of [...p.texts, qrZone(p)]) {
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

  it('prints the QR at 40 mm or more, so a version-20 module is at least 0.4 mm', () => {
    const p = plan();
    expect(p.qr.symbolPt / MM).toBeGreaterThanOrEqual(40);
    expect(p.qr.symbolPt / MM / 97).toBeGreaterThanOrEqual(0.4);
    expect(p.qr.quietZonePt).toBeCloseTo((p.qr.symbolPt / 97) * 4);
  });
});
