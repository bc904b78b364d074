import { Injectable } from '@nestjs/common';
import { AppError, TooManyAttemptsError } from '../common/app-error';
import { invisibleCharacterIn, normalizeTypedCode, withoutInvisibleCharacters } from '../common/text-input';
import type { CertificatePdf } from '../pdf/pdf.service';
import { PdfService } from '../pdf/pdf.service';
import { PDF_BUSY_RETRY_AFTER_SECONDS } from '../pdf/render-queue';
import { RegistryService } from '../registry/registry.service';
import { formField, isMalformedForm } from './form-body';
import { fillTemplate, loadTemplate, SafeHtml } from './html';
import { type PageText, refusalPageText, revokedDetail, waitText } from './page-text';
import { SiteLayoutService } from './site-layout.service';
import type { Page } from './web-pages.service';

/** What the page says when the PDF renderer is full (src/pdf/render-queue.ts). */
const BUSY = refusalPageText('PDF_BUSY');

/** What a form post gives: the signed PDF, or a page saying why not. */
export type DownloadOutcome = { pdf: CertificatePdf } | { page: Page; retryAfterSeconds?: number };

/** What the form is re-filled with: never the ID number, which would put it on a page again. */
interface Refill {
  certificateNo: string;
  name: string;
}

/** The same words whichever field was wrong, as the API's one 404: no field can be probed alone. */
export const NOT_FOUND_TEXT =
  '证书编号、姓名或身份证号码与登记信息不一致，或没有该证书。请核对后重新填写；如有疑问，请向发证机关咨询。';

/**
 * `/download`: the holder's certificate PDF from a plain HTML form, for phones and browsers
 * without JavaScript. The checks, the throttle and the PDF are the API's own (PdfService), so
 * the page and `POST /api/v1/holder/certificate-pdf` count attempts together and answer alike.
 */
@Injectable()
export class DownloadPageService {
  private readonly formTemplate = loadTemplate('download-form.html');
  private readonly messageTemplate = loadTemplate('message.html');

  constructor(
    private readonly pdfs: PdfService,
    private readonly registry: RegistryService,
    private readonly layout: SiteLayoutService,
  ) {}

  formPage(): string {
    return this.shell('证书下载', this.form({ certificateNo: '', name: '' }).html);
  }

  async download(body: unknown, clientAddress: string): Promise<DownloadOutcome> {
    if (isMalformedForm(body))
      return this.message(
        400,
        { certificateNo: '', name: '' },
        'invalid',
        '提交内容有误',
        '提交的内容含有无法识别的字符（不是 UTF-8 编码的文字），请在下方重新填写后提交。',
      );
    // Typed as people type on a phone: full-width letters and digits from a Chinese input method,
    // spaces, a lowercase x (normalised as /v normalises a certificate number).
    const request = {
      certificateNo: normalizeTypedCode(formField(body, 'certificateNo', 32)),
      name: formField(body, 'name', 64),
      idNumber: normalizeTypedCode(formField(body, 'idNumber', 32)),
    };
    const refill = { certificateNo: request.certificateNo, name: request.name.trim() };
    // Not a lookup, so not counted against the holder's attempts: nothing to compare yet.
    if (!request.certificateNo || !request.name.trim() || !request.idNumber)
      return this.message(400, refill, 'invalid', '请填写完整', '请填写证书编号、姓名和身份证号码后再提交。');
    // As the API's NAME_INVALID: no stored name has one, so say why instead of "not found".
    // The form comes back without them: the holder cannot delete what the field does not show
    // (a name pasted from a chat often carries a zero-width space).
    const invisible = invisibleCharacterIn(request.name);
    if (invisible)
      return this.message(
        400,
        { ...refill, name: withoutInvisibleCharacters(refill.name) },
        'invalid',
        '姓名有误',
        `姓名中含有不可见的字符（${invisible}，常见于复制粘贴的文字），已从下方姓名中去除，请核对后重新提交。`,
      );
    try {
      return { pdf: await this.pdfs.holderPdf(request, clientAddress) };
    } catch (error) {
      return this.refusal(error, refill);
    }
  }

  /** A refusal before the form was read (an outage, the throttle, a malformed address), with the form ready for another try. */
  refusalPage(status: number, text: PageText): string {
    return this.message(status, { certificateNo: '', name: '' }, 'unknown', text.title, text.detail).page.html ?? '';
  }

  /** Each refusal of PdfService as a page; anything else (an outage, a bug) goes on to the filters. */
  private async refusal(error: unknown, refill: Refill): Promise<DownloadOutcome> {
    if (error instanceof TooManyAttemptsError) {
      const wait = waitText(error.retryAfterSeconds);
      const detail = `为保护持证人信息，本设备暂停下载证书。请${wait}后再试。`;
      return {
        ...this.message(429, refill, 'unknown', '尝试次数过多', detail),
        retryAfterSeconds: error.retryAfterSeconds,
      };
    }
    if (!(error instanceof AppError)) throw error;
    switch (error.code) {
      case 'CERTIFICATE_NOT_FOUND':
        return this.message(404, refill, 'invalid', '未找到证书', NOT_FOUND_TEXT);
      case 'CERTIFICATE_REVOKED': {
        // Said only after number, name and ID number all matched; /v/{no} shows the same to anyone.
        const record = await this.registry.findByNumber(refill.certificateNo.toUpperCase());
        const detail = `${revokedDetail(record?.revocation ?? null)}\n已撤销的证书不再提供下载。`;
        return this.message(410, refill, 'revoked', '已撤销', detail);
      }
      case 'PDF_CHARACTER_UNSUPPORTED':
        return this.message(
          422,
          refill,
          'unknown',
          '暂时无法生成证书文件',
          '证书上的姓名或其他内容含有证书字体暂不能显示的字符，暂时无法生成 PDF 文件。请联系发证机关办理。',
        );
      case 'PDF_BUSY':
        // Many downloads at once (src/pdf/render-queue.ts): the holder only has to try again.
        return {
          ...this.message(503, refill, 'unknown', BUSY.title, BUSY.detail),
          retryAfterSeconds: PDF_BUSY_RETRY_AFTER_SECONDS,
        };
      default:
        throw error;
    }
  }

  private message(status: number, refill: Refill, verdictClass: string, title: string, detail: string): { page: Page } {
    const main = fillTemplate(this.messageTemplate, {
      verdictClass,
      verdictTitle: title,
      verdictDetail: detail,
      lookup: this.form(refill),
    });
    return { page: { status, html: this.shell(title, main) } };
  }

  private form(refill: Refill): SafeHtml {
    return new SafeHtml(fillTemplate(this.formTemplate, { ...refill }));
  }

  private shell(title: string, main: string): string {
    return this.layout.render({ title, section: 'download', main });
  }
}
