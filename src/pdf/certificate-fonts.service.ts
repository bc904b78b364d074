import { Inject, Injectable } from '@nestjs/common';
import type { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { loadCertificateLayout, type CertificateLayout } from './certificate-layout';
import { fontChain, openLayoutFonts, unprintableError, type Fonts } from './cjk-fonts';

/**
 * The certificate's fonts, opened once per process: the layout's two fonts and the fallbacks
 * of PDF_FALLBACK_FONTS. Whatever will be printed is checked against them when it enters
 * (issuance, applications), so a certificate is never issued that cannot be downloaded.
 */
@Injectable()
export class CertificateFontsService {
  readonly layout: CertificateLayout = loadCertificateLayout();
  readonly fonts: Fonts;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.fonts = openLayoutFonts(this.layout, config.pdfFallbackFonts);
  }

  /**
   * One PDF_CHARACTER_UNSUPPORTED error per field (by name) holding characters no font can draw.
   * A character counts as printable only if both the regular and the bold chain have it: a
   * layout edit may move a field to the bold font.
   */
  unprintable(fields: Record<string, string>): AppError[] {
    return Object.entries(fields).flatMap(([field, text]) => {
      const error = unprintableError([fontChain(this.fonts, 'regular'), fontChain(this.fonts, 'bold')], text, field);
      return error ? [error] : [];
    });
  }

  /** Throws the first field's error (422 PDF_CHARACTER_UNSUPPORTED). */
  assertPrintable(fields: Record<string, string>): void {
    const [first] = this.unprintable(fields);
    if (first) throw first;
  }
}
