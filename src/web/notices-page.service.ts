import { Injectable } from '@nestjs/common';
import { chineseDate } from '../common/china-dates';
import {
  type ApplicantBanNotice,
  type Notice,
  RevocationRecordsService,
  type RevocationNotice,
} from '../revocation/revocation-records.service';
import { fillTemplate, loadTemplate, SafeHtml } from './html';
import type { PageText } from './page-text';
import { SiteLayoutService } from './site-layout.service';

/** A template without its file's final newline, so the page and its rows join one per line. */
function template(name: string): string {
  return loadTemplate(name).replace(/\n$/, '');
}

const banText = (ban: Notice['ban']): string => (ban ? `${chineseDate(ban.from)} 至 ${chineseDate(ban.until)}` : '—');

/**
 * `/notices`: the published disciplinary decisions (docs/rules.md 四.四.3), rendered on the
 * server, no script, in the site's shared layout, dates written the Chinese way. Templates are
 * read once, at start.
 */
@Injectable()
export class NoticesPageService {
  private readonly main = template('notices.html');
  private readonly noticeTemplate = template('notice.html');
  private readonly applicantBanTemplate = template('notice-applicant-ban.html');

  constructor(
    private readonly records: RevocationRecordsService,
    private readonly layout: SiteLayoutService,
  ) {}

  async page(): Promise<string> {
    const notices = await this.records.notices();
    if (notices.length === 0) return this.shell(this.line('暂无公示的违纪处理结果。'));
    return this.shell(notices.map((notice) => this.notice(notice)).join('\n'));
  }

  /** The same page when it cannot answer (an outage, the throttle): the heading stays, the reason in place of the list. */
  refusalPage(text: PageText): string {
    // The heading stays the page's; the refusal's title leads its line unless the line says it already.
    return this.shell(this.line(text.detail.startsWith(text.title) ? text.detail : `${text.title}：${text.detail}`));
  }

  private notice(n: Notice): string {
    return n.kind === 'REVOCATION' ? this.revocation(n) : this.applicantBan(n);
  }

  private revocation(n: RevocationNotice): string {
    const { holderName, idNumberMasked, employer, qualification, specialty, certificateNo, reasonCategoryName } = n;
    return fillTemplate(this.noticeTemplate, {
      holderName,
      idNumberMasked,
      employer,
      qualification,
      specialty,
      certificateNo,
      reasonCategoryName,
      decisionDocument: n.decisionDocument,
      decisionDate: chineseDate(n.decisionDate),
      effectiveDate: chineseDate(n.effectiveDate),
      ban: banText(n.ban),
    });
  }

  /** An applicant barred without a certificate: the round takes the certificate's place. */
  private applicantBan(n: ApplicantBanNotice): string {
    const { holderName, idNumberMasked, employer, qualification, specialty, reasonCategoryName } = n;
    return fillTemplate(this.applicantBanTemplate, {
      holderName,
      idNumberMasked,
      employer,
      evaluationYear: String(n.evaluationYear),
      qualification,
      specialty,
      reasonCategoryName,
      decisionDocument: n.decisionDocument,
      decisionDate: chineseDate(n.decisionDate),
      ban: banText(n.ban),
    });
  }

  private line(text: string): string {
    return fillTemplate('<section class="card"><p class="empty">{{text}}</p></section>', { text });
  }

  private shell(notices: string): string {
    const main = fillTemplate(this.main, { notices: new SafeHtml(notices) });
    return this.layout.render({ title: '违纪处理结果公示', section: 'notices', main });
  }
}
