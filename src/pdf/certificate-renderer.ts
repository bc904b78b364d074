import { X509Certificate } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { certificateFields, type PrintedCertificate } from './certificate-fields';
import { loadCertificateLayout, type CertificateLayout } from './certificate-layout';
import {
  assertPrintable,
  fontMeasure,
  openLayoutFonts,
  registeredFontName,
  type Fonts,
  type TextMeasure,
} from './cjk-fonts';
import { paintBorder, paintPlan } from './page-painter';
import { planCertificatePage, type PagePlan } from './page-plan';
import type { CmsSigningKey } from './cms-signed-data';
import { addSignaturePlaceholder, contentsBytesFor, signPdf, type SignatureFields } from './pdf-signature';
import { qrSymbol, type QrSymbol } from './qr-symbol';

export interface PreparedPage {
  plan: PagePlan;
  symbol: QrSymbol;
  info: PDFKit.DocumentInfo;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * Renders certificate pages with pdfkit from the layout in templates/. The layout and the
 * fonts are read once, when the renderer is built; each page only subsets the fonts. Without
 * `fonts`, the layout's fonts and no fallback.
 */
export class CertificateRenderer {
  private readonly measure: TextMeasure;

  constructor(
    readonly layout: CertificateLayout = loadCertificateLayout(),
    readonly fonts: Fonts = openLayoutFonts(layout),
  ) {
    this.measure = fontMeasure(this.fonts);
  }

  /** Plans the page; refuses (PDF_CHARACTER_UNSUPPORTED) any text the fonts cannot print. */
  prepare(certificate: PrintedCertificate, verificationUrl: string): PreparedPage {
    const fields = certificateFields(certificate, this.layout);
    const symbol = qrSymbol(verificationUrl);
    // Print the address without the fragment: the token is for the QR, not for typing.
    const address = verificationUrl.split('#')[0];
    const plan = planCertificatePage(this.layout, fields, symbol.modules, address, this.measure);
    assertPrintable(
      this.fonts,
      plan.texts.map((box) => [box.font, box.text]),
    );
    const info: PDFKit.DocumentInfo = {
      Title: `职称证书 ${certificate.certificateNo}`,
      Author: this.layout.issuers.lines.join('、'),
      Subject: `${fields.qualification}（${fields.specialty}）职称电子证书`,
      Creator: 'zj-title-certificates',
      // Fixed from the record, never "now": the same certificate renders the same bytes.
      CreationDate: new Date(certificate.issuedAt),
    };
    return { plan, symbol, info };
  }

  /** The page as a PDF; with `signature`, carrying an empty signature field for `signPdf`. */
  async render(page: PreparedPage, signature?: SignatureFields): Promise<Buffer> {
    const doc = new PDFDocument({
      size: [page.plan.widthPt, page.plan.heightPt],
      margin: 0,
      pdfVersion: '1.7',
      lang: 'zh-CN',
      displayTitle: true,
      info: page.info,
      // pdfkit 0.20 takes an opened fontkit font; its typings only know file names. Passing
      // it here also keeps pdfkit from selecting its default standard-14 Helvetica.
      font: this.fonts.regular as unknown as string,
    });
    const bytes = collect(doc);
    doc.registerFont('regular', this.fonts.regular as unknown as Buffer);
    doc.registerFont('bold', this.fonts.bold as unknown as Buffer);
    // Registered is not embedded: pdfkit embeds (a subset of) a font only once a run uses it.
    this.fonts.fallbacks.forEach((font, i) =>
      doc.registerFont(registeredFontName('regular', i + 1), font as unknown as Buffer),
    );
    paintBorder(doc, this.layout);
    paintPlan(doc, page.plan, page.symbol);
    if (signature) addSignaturePlaceholder(doc, signature);
    doc.end();
    return bytes;
  }

  /**
   * The signed certificate PDF. Its /M is the issue instant, not the render time: the page
   * states facts fixed at issuance, and the same certificate then gives the same bytes. After
   * a key rotation it is the new certificate's start instead, so it never predates the signer.
   */
  async renderSigned(certificate: PrintedCertificate, verificationUrl: string, key: CmsSigningKey): Promise<Buffer> {
    const page = this.prepare(certificate, verificationUrl);
    const signerFrom = new Date(new X509Certificate(key.chainPem[0]).validFrom).getTime();
    const unsigned = await this.render(page, {
      signingTime: new Date(Math.max(Date.parse(certificate.issuedAt), signerFrom)),
      reason: '浙江省职称电子证书：内容与证书登记一致',
      location: '浙江省杭州市',
      contentsBytes: contentsBytesFor(key),
    });
    return signPdf(unsigned, key);
  }
}
