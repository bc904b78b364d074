/**
 * Finds the certificate's QR code in a photo or in the certificate PDF, in the browser: the
 * file never leaves the device. jsQR and pdf.js are loaded only when a file is chosen, so the
 * page that the QR opens stays small.
 */
const PDF_WORKER = '/v/assets/pdf.worker.js';

/** The token from what a QR holds: the verification URL `…/v#<token>`, or a bare token. */
export function tokenFromQrText(text: string): string {
  const hash = text.indexOf('#');
  return (hash >= 0 ? text.slice(hash + 1) : text).trim();
}

async function decodePixels(image: ImageData, thorough: boolean): Promise<string | undefined> {
  const { default: jsQR } = await import('jsqr');
  return jsQR(image.data, image.width, image.height, { inversionAttempts: thorough ? 'attemptBoth' : 'dontInvert' })
    ?.data;
}

function context2d(width: number, height: number): CanvasRenderingContext2D {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D canvas');
  return context;
}

/**
 * A phone photo has some 12 megapixels: a scaled-down copy decodes fast and usually suffices;
 * the full image, trying inverted colours too, is the fallback.
 */
export async function qrFromImage(file: Blob): Promise<string | undefined> {
  const bitmap = await createImageBitmap(file);
  try {
    for (const [maxSide, thorough] of [
      [1600, false],
      [Number.POSITIVE_INFINITY, true],
    ] as const) {
      const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
      const width = Math.round(bitmap.width * scale);
      const height = Math.round(bitmap.height * scale);
      const context = context2d(width, height);
      context.drawImage(bitmap, 0, 0, width, height);
      const text = await decodePixels(context.getImageData(0, 0, width, height), thorough);
      if (text) return text;
      if (scale === 1) break;
    }
    return undefined;
  } finally {
    bitmap.close();
  }
}

/**
 * Renders the first page of the PDF and reads its QR. The symbol is drawn as vector squares
 * (42 mm, about 100 modules), so 3× the page's point size gives some 3.5 pixels a module.
 */
export async function qrFromPdf(file: Blob): Promise<string | undefined> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = PDF_WORKER;
  // No eval (the CSP forbids it) and no font loading: only the QR's squares matter.
  const task = pdfjs.getDocument({
    data: new Uint8Array(await file.arrayBuffer()),
    isEvalSupported: false,
    disableFontFace: true,
    enableXfa: false,
  });
  const document_ = await task.promise;
  try {
    const page = await document_.getPage(1);
    for (const scale of [3, 5]) {
      const viewport = page.getViewport({ scale });
      const context = context2d(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({ canvas: context.canvas, canvasContext: context, viewport }).promise;
      const text = await decodePixels(
        context.getImageData(0, 0, context.canvas.width, context.canvas.height),
        scale > 3,
      );
      if (text) return text;
    }
    return undefined;
  } finally {
    await document_.destroy();
  }
}

/** The QR text of a chosen file: a PDF by its type or its first bytes, anything else as an image. */
export async function qrFromFile(file: File): Promise<string | undefined> {
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  const isPdf = file.type === 'application/pdf' || String.fromCharCode(...head) === '%PDF-';
  return isPdf ? qrFromPdf(file) : qrFromImage(file);
}
