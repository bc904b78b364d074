import { Injectable, Logger } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { CertificateEntity } from '../certificates/certificate.entity';
import { CertificatesService } from '../certificates/certificates.service';
import { CERTIFICATE_NO_PATTERN } from '../common/qualifications';
import { normalizeTypedCode } from '../common/text-input';
import { RateLimiters } from '../database/rate-limiters';
import { AppError } from '../common/app-error';
import { KeyStore } from '../keys/key-store';
import { CertificateFontsService } from './certificate-fonts.service';
import type { PrintedCertificate } from './certificate-fields';
import { CertificateRenderer } from './certificate-renderer';
import type { HolderPdfRequestDto } from './dto/holder-pdf-request.dto';
import { HolderDownloadThrottle } from './holder-download-throttle';
import { PdfCache } from './pdf-cache';
import { RenderQueue } from './render-queue';
import { SAMPLE_CERTIFICATE, SAMPLE_URL } from './sample-certificate';

/**
 * Renders at a time, and requests waiting behind them before PDF_BUSY (docs/pdf.md, Load):
 * two keep both cores busy while the event loop still answers other requests between pages.
 */
export const PDF_RENDER_CONCURRENCY = 2;
export const PDF_RENDER_QUEUE_LIMIT = 32;

/**
 * The warm-up render at start: not yet, under way, done (with its time and the size of the signed
 * sample PDF it made), or failed (logged).
 */
export type WarmUpState = { status: 'pending' | 'running' | 'failed' } | { status: 'done'; ms: number; bytes: number };

export interface CertificatePdf {
  bytes: Buffer;
  /** The file name offered for saving, e.g. 职称证书-ZJZ2026000001.pdf */
  filename: string;
}

/** Compares without an early exit, so response time does not tell how much of a field matched. */
function sameText(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** One answer for every holder mismatch, so no field can be probed on its own. */
function holderNotFound(): AppError {
  return new AppError('CERTIFICATE_NOT_FOUND', 'No certificate matches this number, name and ID number.');
}

/**
 * Certificate PDFs, rendered on demand from the registry record (the source of truth) and
 * signed by both authorities' document-signing keys, AMR first, each signature shown by its seal.
 */
@Injectable()
export class PdfService {
  private readonly renderer: CertificateRenderer;
  private readonly cache = new PdfCache(64);
  private readonly throttle: HolderDownloadThrottle;
  private readonly renders = new RenderQueue(PDF_RENDER_CONCURRENCY, PDF_RENDER_QUEUE_LIMIT);
  private readonly logger = new Logger('PDF');
  private warmUpState: WarmUpState = { status: 'pending' };

  constructor(
    private readonly certificates: CertificatesService,
    private readonly keys: KeyStore,
    fonts: CertificateFontsService,
    limiters: RateLimiters,
  ) {
    // Shared by every instance on PostgreSQL, like the login throttle.
    this.throttle = new HolderDownloadThrottle(limiters.shared);
    // The layout and fonts (with the fallbacks) issuance checked names against, opened once at start.
    this.renderer = new CertificateRenderer(fonts.layout, fonts.fonts);
  }

  /**
   * Renders and signs a sample certificate once, through the render queue (a request arriving
   * meanwhile waits for it rather than competing), so the first holder does not pay the
   * process's cold start: fontkit parses a font's tables (cmap, hmtx, GSUB/GPOS, glyf) only
   * when first used, and the first page runs all the layout, QR and CMS code unoptimised.
   */
  async warmUp(): Promise<WarmUpState> {
    if (this.warmUpState.status !== 'pending') return this.warmUpState;
    this.warmUpState = { status: 'running' };
    const start = performance.now();
    try {
      const sample = await this.renders.run(() => this.render(SAMPLE_CERTIFICATE, SAMPLE_URL));
      this.warmUpState = { status: 'done', ms: Math.round(performance.now() - start), bytes: sample.length };
      this.logger.log(
        `Certificate PDF renderer warmed up in ${this.warmUpState.ms} ms (a ${Math.round(sample.length / 1024)} KB sample)`,
      );
    } catch (error) {
      // Not fatal: the first download then pays the cold start, or fails with its own error.
      this.warmUpState = { status: 'failed' };
      this.logger.warn(`PDF warm-up render failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.warmUpState;
  }

  get warmUpStatus(): WarmUpState {
    return this.warmUpState;
  }

  /** The holder's download: certificate number, name and ID number must all match. */
  async holderPdf(request: HolderPdfRequestDto, clientAddress: string): Promise<CertificatePdf> {
    await this.throttle.begin(clientAddress);
    const certificate = await this.findForHolder(request);
    if (!certificate) throw holderNotFound();
    await this.throttle.matched(clientAddress);
    return this.pdfOf(certificate);
  }

  /** The office's copy of any certificate by number. */
  async officePdf(certificateNo: string): Promise<CertificatePdf> {
    return this.pdfOf(await this.certificates.getByNumber(certificateNo));
  }

  private async findForHolder(request: HolderPdfRequestDto): Promise<CertificateEntity | undefined> {
    const certificateNo = normalizeTypedCode(request.certificateNo);
    if (!CERTIFICATE_NO_PATTERN.test(certificateNo)) return undefined;
    const found = await this.certificates.findByNumber(certificateNo);
    if (!found) return undefined;
    // Both checks always run; numbers are read as typed (full-width, spaced, a lowercase x).
    const nameMatches = sameText(request.name.trim(), found.holderName);
    const idMatches = sameText(normalizeTypedCode(request.idNumber), found.idNumber);
    return nameMatches && idMatches ? found : undefined;
  }

  private async pdfOf(certificate: CertificateEntity): Promise<CertificatePdf> {
    if (certificate.status !== 'VALID') {
      throw new AppError(
        'CERTIFICATE_REVOKED',
        `Certificate ${certificate.certificateNo} has been revoked; no PDF is issued for it.`,
      );
    }
    const url = this.certificates.verificationUrl(certificate);
    // Holder and office share this cache entry: both get the same twice-signed bytes.
    // Only a render queues: a cached PDF, or one being rendered for another request, does not.
    const bytes = await this.cache.getOrCreate(cacheKey(certificate, url), () =>
      this.renders.run(() => this.render(certificate, url)),
    );
    return { bytes, filename: `职称证书-${certificate.certificateNo}.pdf` };
  }

  private render(certificate: PrintedCertificate, url: string): Promise<Buffer> {
    return this.renderer.renderSigned(
      certificate,
      url,
      { amr: this.keys.documentSigner('amr'), hrss: this.keys.documentSigner('hrss') },
      { development: this.keys.usesDevelopmentKeys() },
    );
  }
}

/** Every fact the page prints, so a corrected record never hits a stale PDF. */
function cacheKey(c: CertificateEntity, url: string): string {
  const printed = [
    c.certificateNo,
    c.holderName,
    c.gender,
    c.idNumber,
    c.employer,
    c.level,
    c.specialty,
    c.passedOn,
    c.approvalDocument,
    c.issuedAt,
    url,
  ];
  return createHash('sha256').update(JSON.stringify(printed)).digest('hex');
}
