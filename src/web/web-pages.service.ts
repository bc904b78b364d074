import { Injectable } from '@nestjs/common';
import { CERTIFICATE_NO_PATTERN } from '../common/qualifications';
import { chinaDateTime } from '../common/china-dates';
import { Clock } from '../common/clock';
import type { RegistryCertificateDto } from '../registry/dto/registry-certificate.dto';
import { RegistryService } from '../registry/registry.service';
import { normalizeTypedCode } from '../common/text-input';
import { escapeHtml, fillTemplate, loadTemplate, SafeHtml } from './html';
import { certificateRows, type PageText, revokedDetail, VALID_DETAIL_REGISTRY } from './page-text';
import { SiteLayoutService } from './site-layout.service';

export interface Page {
  status: number;
  html?: string;
  /** Set for a redirect. */
  location?: string;
}

/**
 * The verification pages. `/v` is a static shell (the browser does the verification, see
 * src/web/browser); `/v/{no}` renders the registry record on the server, for browsers
 * without JavaScript. Templates are read once, at start.
 */
@Injectable()
export class WebPagesService {
  private readonly lookupForm = loadTemplate('lookup-form.html');
  private readonly recordTemplate = loadTemplate('record.html');
  private readonly messageTemplate = loadTemplate('message.html');
  private readonly verifyShell: string;

  constructor(
    private readonly registry: RegistryService,
    private readonly clock: Clock,
    private readonly layout: SiteLayoutService,
  ) {
    const scripts = new SafeHtml('<script type="module" src="/v/assets/verify.js"></script>');
    this.verifyShell = this.page(
      '职称电子证书查验',
      fillTemplate(loadTemplate('verify.html'), { lookup: this.lookup('') }),
      scripts,
    );
  }

  /** `/v`, or with `?no=` (the lookup form without JavaScript) a redirect to `/v/{no}`. */
  verifyPage(no: unknown): Page {
    // Read as typed (full-width, spaces, a zero-width character pasted along): nothing left is the empty form.
    const typed = typeof no === 'string' ? normalizeTypedCode(no).slice(0, 32) : '';
    if (typed !== '') return { status: 303, location: `/v/${encodeURIComponent(typed)}` };
    return { status: 200, html: this.verifyShell };
  }

  /** `/v/{no}`: the registry record, or a page saying why there is none. */
  async recordPage(certificateNo: string): Promise<Page> {
    if (!CERTIFICATE_NO_PATTERN.test(certificateNo)) {
      return this.message(
        400,
        certificateNo,
        'invalid',
        '证书编号格式不正确',
        '证书编号由 ZJZ 或 ZJG、四位评审年度和六位序号组成，例如 ZJZ2026000001。',
      );
    }
    const record = await this.registry.findByNumber(certificateNo);
    if (!record) {
      return this.message(
        404,
        certificateNo,
        'invalid',
        '未找到该证书',
        `登记系统中没有编号为 ${certificateNo} 的职称电子证书。请核对编号，或向发证机关咨询。`,
      );
    }
    return { status: 200, html: this.page(`${record.certificateNo} 查验结果`, this.record(record)) };
  }

  /** The page of a database outage (503), in the look of the other pages. */
  refusalPage(status: number, text: PageText): string {
    return this.message(status, '', 'unknown', text.title, text.detail).html ?? '';
  }

  private record(record: RegistryCertificateDto): string {
    const revoked = record.status === 'REVOKED';
    const fields = certificateRows(record)
      .map(([label, value]) => `<div class="field"><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`)
      .join('');
    return fillTemplate(this.recordTemplate, {
      verdictClass: revoked ? 'revoked' : 'valid',
      verdictTitle: revoked ? '已撤销' : '有效',
      verdictDetail: revoked ? revokedDetail(record.revocation) : VALID_DETAIL_REGISTRY,
      fields: new SafeHtml(fields),
      checkedAt: chinaDateTime(this.clock.now()),
      lookup: this.lookup(''),
    });
  }

  private message(status: number, typed: string, verdictClass: string, title: string, detail: string): Page {
    const main = fillTemplate(this.messageTemplate, {
      verdictClass,
      verdictTitle: title,
      verdictDetail: detail,
      lookup: this.lookup(typed.slice(0, 20)),
    });
    return { status, html: this.page(title, main) };
  }

  private lookup(value: string): SafeHtml {
    return new SafeHtml(fillTemplate(this.lookupForm, { value }));
  }

  private page(title: string, main: string, scripts?: SafeHtml): string {
    return this.layout.render({ title, section: 'verify', main, scripts });
  }
}
