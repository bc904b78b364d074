import { X509Certificate } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { AUTHORITY_IDS, type AuthorityId } from '../keys/authority';
import { certificateFields, issuerNames, type PrintedCertificate } from './certificate-fields';
import { loadCertificateLayout, resolveColour, type CertificateLayout } from './certificate-layout';
import {
  assertPrintable,
  fontMeasure,
  openLayoutFonts,
  registeredFontName,
  type Fonts,
  type TextMeasure,
} from './cjk-fonts';
import type { CmsSigningKey } from './cms-signed-data';
import { cmOperator } from './glyph-outlines';
import { sealAppearance, type SealGeometry } from './official-seal';
import { paintBorder, paintPlan, paintSampleMark } from './page-painter';
import { MM, planCertificatePage, type PageOptions, type PagePlan, type SealPlacement } from './page-plan';
import {
  addSealedFields,
  appendSignaturePlaceholder,
  contentsBytesFor,
  signPdf,
  type SealedField,
  type SignatureFields,
} from './pdf-signature';
import { qrSymbol, type QrSymbol } from './qr-symbol';

export interface PreparedPage {
  plan: PagePlan;
  symbol: QrSymbol;
  info: PDFKit.DocumentInfo;
}

/** The document-signing key of each authority; they sign in the order of AUTHORITY_IDS. */
export type DocumentSigners = Record<AuthorityId, CmsSigningKey>;

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function sealGeometry(layout: CertificateLayout): SealGeometry {
  const s = layout.seals;
  const hex = resolveColour(layout, s.colour);
  return {
    diameterPt: s.diameterMm * MM,
    ringPt: s.ringMm * MM,
    starPt: s.starMm * MM,
    rgb: [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number],
    name: { ...s.name, heightPt: s.name.heightMm * MM, ringGapPt: s.name.ringGapMm * MM },
    sample: { heightPt: s.sample.heightMm * MM, gapPt: s.sample.gapMm * MM },
  };
}

/**
 * Renders certificate pages with pdfkit from the layout in templates/. The layout and the
 * fonts are read once, when the renderer is built; each page only subsets the fonts. Without
 * `fonts`, the layout's fonts and no fallback.
 */
export class CertificateRenderer {
  private readonly measure: TextMeasure;
  private readonly geometry: SealGeometry;
  /** Seal artwork by name and sample text: the same few seals on every page. */
  private readonly seals = new Map<string, string>();

  constructor(
    readonly layout: CertificateLayout = loadCertificateLayout(),
    readonly fonts: Fonts = openLayoutFonts(layout),
  ) {
    this.measure = fontMeasure(this.fonts);
    this.geometry = sealGeometry(layout);
  }

  /** Plans the page; refuses (PDF_CHARACTER_UNSUPPORTED) any text the fonts cannot print. */
  prepare(certificate: PrintedCertificate, verificationUrl: string, options: PageOptions): PreparedPage {
    const fields = certificateFields(certificate, this.layout);
    const symbol = qrSymbol(verificationUrl);
    // Print the address without the fragment: the token is for the QR, not for typing.
    const address = verificationUrl.split('#')[0];
    const plan = planCertificatePage(this.layout, fields, symbol.modules, address, this.measure, options);
    assertPrintable(
      this.fonts,
      plan.texts.map((box) => [box.font, box.text]),
    );
    const info: PDFKit.DocumentInfo = {
      Title: `职称证书 ${certificate.certificateNo}`,
      Author: issuerNames().join('、'),
      Subject: `${fields.qualification}（${fields.specialty}）职称电子证书`,
      Creator: 'zj-title-certificates',
      // Fixed from the record, never "now": the same certificate renders the same bytes.
      CreationDate: new Date(certificate.issuedAt),
    };
    return { plan, symbol, info };
  }

  private sealArt(seal: SealPlacement): string {
    const key = `${seal.name}\n${seal.sample ?? ''}`;
    let art = this.seals.get(key);
    if (!art) {
      art = sealAppearance(this.fonts.bold, this.geometry, { name: seal.name, sample: seal.sample });
      this.seals.set(key, art);
    }
    return art;
  }

  /** The seals as signature fields: each the visible appearance of its authority's signature. */
  private sealedFields(plan: PagePlan): SealedField[] {
    return plan.seals.map((seal) => ({
      name: `${seal.authority}-seal`,
      label: `${seal.name}电子印章`,
      rect: [seal.x, plan.heightPt - seal.y - seal.diameterPt, seal.x + seal.diameterPt, plan.heightPt - seal.y],
      appearance: this.sealArt(seal),
    }));
  }

  /**
   * The page as a PDF. With `signature`, the seals are signature fields (the first with a
   * placeholder for `signPdf`); without, they are drawn on the page itself.
   */
  async render(
    page: PreparedPage,
    signature?: SignatureFields,
  ): Promise<{ pdf: Buffer; fields: ReturnType<typeof addSealedFields> }> {
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
    // Only the fallbacks a run uses: the others stay unopened (cjk-fonts.ts, lazyFontList).
    const used = new Set(page.plan.texts.flatMap((box) => box.runs.map((run) => run.font)));
    for (let i = 0; i < this.fonts.fallbacks.length; i++) {
      const name = registeredFontName('regular', i + 1);
      if (used.has(name)) doc.registerFont(name, this.fonts.fallbacks[i] as unknown as Buffer);
    }
    paintBorder(doc, this.layout);
    paintPlan(doc, page.plan, page.symbol);
    if (page.plan.sampleMark) paintSampleMark(doc, page.plan, page.plan.sampleMark, this.fonts.bold);
    let fields: ReturnType<typeof addSealedFields> = [];
    if (signature) fields = addSealedFields(doc, this.sealedFields(page.plan), signature);
    else this.paintSeals(doc, page.plan);
    doc.end();
    return { pdf: await bytes, fields };
  }

  private paintSeals(doc: PDFKit.PDFDocument, plan: PagePlan): void {
    for (const seal of plan.seals) {
      // pdfkit's page space has y down; the seal's box has y up.
      const cm = cmOperator([1, 0, 0, -1, seal.x, seal.y + seal.diameterPt]);
      doc.save();
      (doc as unknown as { addContent(ops: string): void }).addContent(`${cm}\n${this.sealArt(seal)}`);
      doc.restore();
    }
  }

  /**
   * The certificate PDF signed by both authorities, each in its own revision (AMR, then HRSS
   * in an incremental update), each signature shown by its seal. /M is the issue instant, not
   * the render time: the page states facts fixed at issuance, and the same certificate then
   * gives the same bytes. After a key rotation it is the new certificate's start instead, so
   * it never predates its signer.
   */
  async renderSigned(
    certificate: PrintedCertificate,
    verificationUrl: string,
    signers: DocumentSigners,
    options: PageOptions,
  ): Promise<Buffer> {
    const page = this.prepare(certificate, verificationUrl, options);
    const fieldsOf = (key: CmsSigningKey): SignatureFields => {
      const signerFrom = new Date(new X509Certificate(key.chainPem[0]).validFrom).getTime();
      return {
        signingTime: new Date(Math.max(Date.parse(certificate.issuedAt), signerFrom)),
        reason: '浙江省职称电子证书：内容与证书登记一致',
        location: '浙江省杭州市',
        contentsBytes: contentsBytesFor(key),
      };
    };
    const [first, ...others] = AUTHORITY_IDS;
    const { pdf, fields } = await this.render(page, fieldsOf(signers[first]));
    let signed = await signPdf(pdf, signers[first]);
    for (const [i, authority] of others.entries()) {
      signed = appendSignaturePlaceholder(signed, fields[i + 1], fieldsOf(signers[authority]));
      signed = await signPdf(signed, signers[authority]);
    }
    return signed;
  }
}
