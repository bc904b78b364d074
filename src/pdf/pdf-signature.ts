import { SignPdf } from '@signpdf/signpdf';
import {
  DEFAULT_BYTE_RANGE_PLACEHOLDER,
  PDFKitReferenceMock,
  PDFObject,
  SUBFILTER_ADOBE_PKCS7_DETACHED,
  Signer,
} from '@signpdf/utils';
import { detachedSignedData, type CmsSigningKey } from './cms-signed-data';
import { appendRevision } from './incremental-update';

/** The pdfkit internals a signature field needs; pdfkit's typings do not declare them. */
interface PdfKitReference {
  id: number;
  end(chunk?: string): void;
}
interface PdfKitInternals {
  _root: { data: Record<string, unknown> };
  page: { dictionary: PdfKitReference; annotations: unknown[] };
  ref(data: Record<string, unknown>): PdfKitReference;
}

export interface SignatureFields {
  /** The PDF's /M: fixed per certificate so the same certificate renders the same bytes. */
  signingTime: Date;
  reason: string;
  location: string;
  /** Room reserved for the CMS, in bytes (written as twice as many hex digits). */
  contentsBytes: number;
}

/** A signature field whose widget shows the signer's seal. */
export interface SealedField {
  /** The field's name (/T), e.g. "amr-seal". */
  name: string;
  /** What a reader shows for the field (/TU), e.g. 浙江省市场监督管理局电子印章. */
  label: string;
  /** The widget's rectangle in PDF user space (y up): [x1 y1 x2 y2]. */
  rect: [number, number, number, number];
  /** The seal: content stream of a form XObject over [0 0 width height] of `rect`. */
  appearance: string;
}

/** What `appendSignature` needs of a field `addSealedFields` wrote into the first revision. */
export interface WrittenField {
  field: SealedField;
  widgetId: number;
  appearanceId: number;
  pageId: number;
}

/** `adbe.pkcs7.detached` signature dictionary with placeholders (ISO 32000-1 §12.8.1), filled by `signPdf`. */
function signatureDictionary(fields: SignatureFields): Record<string, unknown> {
  const placeholder = DEFAULT_BYTE_RANGE_PLACEHOLDER;
  return {
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    ByteRange: [0, placeholder, placeholder, placeholder],
    Contents: Buffer.alloc(fields.contentsBytes),
    M: fields.signingTime,
    Reason: new String(fields.reason), // a String object: written as a text string, not a name
    Location: new String(fields.location),
  };
}

/**
 * The widget of a signature field, the same in both revisions but for /V. Print (4) + Locked
 * (128): the seal is part of the printed page and cannot be moved.
 */
function widgetDictionary(field: SealedField, refs: { page: unknown; appearance: unknown; value?: unknown }) {
  return {
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: field.rect,
    F: 132,
    T: new String(field.name),
    TU: new String(field.label),
    P: refs.page,
    AP: { N: refs.appearance },
    ...(refs.value ? { V: refs.value } : {}),
  };
}

/**
 * Adds one signature field per seal to the current page, each shown by its seal (the widget's
 * normal appearance, a form XObject drawn with multiply blending). The first field gets a
 * signature placeholder for `signPdf`; the others stay empty until `appendSignature` signs
 * them in later revisions. Call before `doc.end()`.
 */
export function addSealedFields(
  doc: PDFKit.PDFDocument,
  fields: SealedField[],
  first: SignatureFields,
): WrittenField[] {
  const pdf = doc as unknown as PdfKitInternals;
  const written = fields.map((field, i) => {
    const [x1, y1, x2, y2] = field.rect;
    const appearance = pdf.ref({
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, x2 - x1, y2 - y1],
      Resources: { ExtGState: { GS0: { Type: 'ExtGState', BM: 'Multiply' } } },
    });
    appearance.end(field.appearance);
    const value = i === 0 ? pdf.ref(signatureDictionary(first)) : undefined;
    value?.end();
    const widget = pdf.ref(widgetDictionary(field, { page: pdf.page.dictionary, appearance, value }));
    widget.end();
    pdf.page.annotations.push(widget);
    return {
      field,
      widget,
      written: { field, widgetId: widget.id, appearanceId: appearance.id, pageId: pdf.page.dictionary.id },
    };
  });
  // pdfkit writes the form at doc.end() (but only fields with kids); keep its font resources, drop
  // NeedAppearances (a reader regenerating appearances would alter a signed file).
  doc.initForm();
  const form = pdf._root.data.AcroForm as { data: Record<string, unknown> };
  // SigFlags 3: SignaturesExist | AppendOnly (ISO 32000-1 §12.7.2, table 219).
  form.data = { Type: 'AcroForm', SigFlags: 3, Fields: written.map((w) => w.widget), DR: form.data.DR };
  return written.map((w) => w.written);
}

/** A dictionary in PDF syntax, by the serializer signpdf took from pdfkit (same output as pdfkit's). */
const pdfSyntax = (value: Record<string, unknown>): string => PDFObject.convert(value) as string;

/**
 * An incremental update (ISO 32000-1 §7.5.6) that fills the empty field `target` with a new
 * signature placeholder: the signed revisions before it stay byte for byte as they were.
 */
export function appendSignaturePlaceholder(pdf: Buffer, target: WrittenField, fields: SignatureFields): Buffer {
  return appendRevision(pdf, (nextId) => [
    { id: nextId, body: pdfSyntax(signatureDictionary(fields)) },
    {
      id: target.widgetId,
      body: pdfSyntax(
        widgetDictionary(target.field, {
          page: new PDFKitReferenceMock(target.pageId),
          appearance: new PDFKitReferenceMock(target.appearanceId),
          value: new PDFKitReferenceMock(nextId),
        }),
      ),
    },
  ]);
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

/** Fills the one open placeholder: byte range, then the CMS over everything but /Contents. */
export async function signPdf(pdf: Buffer, key: CmsSigningKey): Promise<Buffer> {
  return new SignPdf().sign(pdf, new CmsSigner(key));
}
