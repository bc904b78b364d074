import { readFileSync } from 'node:fs';
import { DEFAULT_LAYOUT_PATH, parseCertificateLayout } from './certificate-layout';
import { attachmentDisposition } from './content-disposition';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access --
   a layout file is edited as free JSON, as its authors do */
type Template = any;
const template = (): Template => JSON.parse(readFileSync(DEFAULT_LAYOUT_PATH, 'utf8'));

describe('certificate layout file', () => {
  it('parses the shipped layout', () => {
    expect(parseCertificateLayout(template()).fields.rows.length).toBeGreaterThan(5);
  });

  it.each([
    ['an unknown field', (t: Template) => t.fields.rows.push({ label: '民族', field: 'ethnicity' }), /fields\.rows/],
    ['a QR under 48 mm (it must decode in a 100 dpi scan)', (t: Template) => (t.qr.symbolMm = 42), /qr\.symbolMm/],
    ['seals that would touch', (t: Template) => (t.issuers.pitchMm = 40), /pitchMm/],
    ['an unknown footer placeholder', (t: Template) => (t.footer.text = '{issuer}监制'), /\{issuer\}/],
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

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name per RFC 6266 / RFC 5987', () => {
    expect(attachmentDisposition('certificate.pdf', '职称证书-ZJZ2026000001.pdf')).toBe(
      'attachment; filename="certificate.pdf"; filename*=UTF-8\'\'%E8%81%8C%E7%A7%B0%E8%AF%81%E4%B9%A6-ZJZ2026000001.pdf',
    );
    expect(attachmentDisposition('a.pdf', "证书 (副本)'*.pdf")).toBe(
      'attachment; filename="a.pdf"; filename*=UTF-8\'\'%E8%AF%81%E4%B9%A6%20%28%E5%89%AF%E6%9C%AC%29%27%2A.pdf',
    );
    expect(() => attachmentDisposition('证书.pdf', 'x')).toThrow();
  });
});
