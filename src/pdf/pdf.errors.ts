import type { HttpStatusLike } from '../common/app-error';

/** The certificate PDF (docs/pdf.md): code → HTTP status. */
export const pdfErrors = {
  CERTIFICATE_REVOKED: 410,
  PDF_CHARACTER_UNSUPPORTED: 422,
  /** Every render slot and the queue behind them are taken; with Retry-After (render-queue.ts). */
  PDF_BUSY: 503,
} as const satisfies Record<string, HttpStatusLike>;

declare module '../common/app-error' {
  interface ErrorStatusTables {
    pdf: typeof pdfErrors;
  }
}
