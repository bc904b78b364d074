import { SignPdf } from '@signpdf/signpdf';
import { DEFAULT_BYTE_RANGE_PLACEHOLDER, SUBFILTER_ADOBE_PKCS7_DETACHED, Signer } from '@signpdf/utils';
import { detachedSignedData, type CmsSigningKey } from './cms-signed-data';

/** The pdfkit internals a signature field needs; pdfkit's typings do not declare them. */
interface PdfKitInternals {
  _root: { data: Record<string, unknown> };
  page: { dictionary: unknown; annotations: unknown[] };
  ref(data: Record<string, unknown>): { end(): void };
}

export interface SignatureFields {
  /** The PDF's /M: fixed per certificate so the same certificate renders the same bytes. */
  signingTime: Date;
  reason: string;
  location: string;
  /** Room reserved for the CMS, in bytes (written as twice as many hex digits). */
  contentsBytes: number;
}

/**
 * Adds an invisible signature field whose value is an `adbe.pkcs7.detached` signature
 * dictionary with placeholders (ISO 32000-1 §12.8.1): /ByteRange and /Contents are filled in by
 * `signPdf` once the file is complete. Call before `doc.end()`, on the page the field sits on.
 */
export function addSignaturePlaceholder(doc: PDFKit.PDFDocument, fields: SignatureFields): void {
  const pdf = doc as unknown as PdfKitInternals;
  const placeholder = DEFAULT_BYTE_RANGE_PLACEHOLDER;
  const signature = pdf.ref({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    ByteRange: [0, placeholder, placeholder, placeholder],
    Contents: Buffer.alloc(fields.contentsBytes),
    M: fields.signingTime,
    Reason: new String(fields.reason), // a String object: pdfkit writes a text string, not a name
    Location: new String(fields.location),
  });
  // Print (4) + Locked (128): the field is part of the printed page and cannot be moved.
  const widget = pdf.ref({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    F: 132,
    V: signature,
    T: new String('Signature1'),
    P: pdf.page.dictionary,
  });
  pdf.page.annotations.push(widget);
  signature.end();
  widget.end();
  // pdfkit writes the form at doc.end() (but only fields with kids); keep its font resources, drop
  // NeedAppearances (a reader regenerating appearances would alter a signed file).
  doc.initForm();
  const form = pdf._root.data.AcroForm as { data: Record<string, unknown> };
  // SigFlags 3: SignaturesExist | AppendOnly (ISO 32000-1 §12.7.2, table 219).
  form.data = { Type: 'AcroForm', SigFlags: 3, Fields: [widget], DR: form.data.DR };
}

class CmsSigner extends Signer {
  constructor(private readonly key: CmsSigningKey) {
    super();
  }

  override sign(signedBytes: Buffer): Promise<Buffer> {
    return Promise.resolve(detachedSignedData(signedBytes, this.key));
  }
}

/** Room for the CMS: the embedded chain, a 4096-bit signature at most, and the structure around them. */
export function contentsBytesFor(key: CmsSigningKey): number {
  const chain = key.chainPem.reduce((sum, pem) => sum + Math.ceil((pem.length * 3) / 4), 0);
  return chain + 512 + 1024;
}

/** Fills the placeholder: byte range, then the CMS over everything but /Contents. */
export async function signPdf(pdf: Buffer, key: CmsSigningKey): Promise<Buffer> {
  return new SignPdf().sign(pdf, new CmsSigner(key));
}
