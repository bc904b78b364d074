import { readFileSync } from 'node:fs';
import { chineseDate, chineseNumeralDate } from './certificate-fields';
import { DEFAULT_LAYOUT_PATH, parseCertificateLayout } from './certificate-layout';
import { attachmentDisposition } from './content-disposition';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a layout file is edited as free JSON
type Template = any;
const template = (): Template => JSON.parse(readFileSync(DEFAULT_LAYOUT_PATH, 'utf8'));

describe('certificate layout file', () => {
  it('parses the shipped layout', () => {
    expect(parseCertificateLayout(template()).fields.rows.length).toBeGreaterThan(5);
  });

  it.each([
    ['an unknown field', (t: Template) => t.fields.rows.push({ label: '民族', field: 'ethnicity' }), /fields\.rows/],
    ['a QR under 40 mm', (t: Template) => (t.qr.symbolMm = 35), /qr\.symbolMm/],
    ['a quiet zone under 4 modules', (t: Template) => (t.qr.quietZoneModules = 2), /qr\.quietZoneModules/],
    ['an unknown colour name', (t: Template) => (t.title.colour = 'blue'), /unknown colour blue/],
    ['an unknown statement placeholder', (t: Template) => (t.statement.text = '{nickname}'), /\{nickname\}/],
    ['a misspelt key', (t: Template) => (t.titel = {}), /titel/],
  ])('refuses %s', (_label, edit, message) => {
    const t = template();
    edit(t);
    expect(() => parseCertificateLayout(t)).toThrow(message);
  });
});

describe('printed dates', () => {
  it('writes dates the Chinese way, and in Chinese numerals under the issuers', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(chineseNumeralDate('2026-11-27')).toBe('二〇二六年十一月二十七日');
    expect(chineseNumeralDate('2030-10-10')).toBe('二〇三〇年十月十日');
    expect(chineseNumeralDate('2026-01-31')).toBe('二〇二六年一月三十一日');
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name per RFC 6266 / RFC 5987', () => {
    expect(attachmentDisposition('certificate.pdf', '职称证书-ZJZ2026000001.pdf')).toBe(
      "attachment; filename=\"certificate.pdf\"; filename*=UTF-8''%E8%81%8C%E7%A7%B0%E8%AF%81%E4%B9%A6-ZJZ2026000001.pdf",
    );
    expect(attachmentDisposition('a.pdf', "证书 (副本)'*.pdf")).toBe("attachment; filename=\"a.pdf\"; filename*=UTF-8''%E8%AF%81%E4%B9%A6%20%28%E5%89%AF%E6%9C%AC%29%27%2A.pdf");
    expect(() => attachmentDisposition('证书.pdf', 'x')).toThrow();
  });
});
