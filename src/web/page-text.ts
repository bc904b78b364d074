/**
 * The Chinese wording shared by the server-rendered pages and the browser page, so both say
 * the same thing the same way. Pure and isomorphic: no Node, no DOM.
 */
import { chinaDateOf, chineseDate } from '../common/china-dates';
import { AUTHORITY_NAMES } from '../keys/authority';

export interface RevocationText {
  revokedOn: string;
  reasonCategoryName: string;
  decisionDocument: string;
}

/** The detail line under 已撤销: date, reason category and decision document when on record. */
export function revokedDetail(revocation: RevocationText | null): string {
  if (!revocation) return '该证书已被撤销，不再有效。撤销详情请向发证机关查询。';
  return `该证书已于${chineseDate(revocation.revokedOn)}撤销，不再有效。\n撤销原因：${revocation.reasonCategoryName}\n撤销决定：${revocation.decisionDocument}`;
}

export const VALID_DETAIL_REGISTRY = '登记系统中该证书状态为有效。';

/**
 * The facts the pages show. The token carries the first group; the registry adds the rest
 * (absent while offline).
 */
export interface DisplayFacts {
  holderName: string;
  levelName: string;
  specialtyName: string;
  passedOn: string;
  certificateNo: string;
  /** ISO instant. */
  issuedAt: string;
  gender?: string;
  idNumberMasked?: string;
  employer?: string;
  approvalDocument?: string;
}

/** Label and value rows in the order of the printed certificate, so a reader can compare line by line. */
export function certificateRows(f: DisplayFacts): Array<[string, string]> {
  const rows: Array<[string, string | undefined]> = [
    ['姓名', f.holderName],
    ['性别', f.gender],
    ['身份证号', f.idNumberMasked],
    ['工作单位', f.employer],
    ['资格名称', f.levelName],
    ['专业', f.specialtyName],
    ['评审通过时间', chineseDate(f.passedOn)],
    ['批准文号', f.approvalDocument],
    ['证书编号', f.certificateNo],
    ['发证日期', chinaDateOf(f.issuedAt)],
    ['发证机关', f.employer === undefined ? undefined : `${AUTHORITY_NAMES.amr.zh}\n${AUTHORITY_NAMES.hrss.zh}`],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined);
}

/** A wait as people say it: 15分钟, 1分15秒, 40秒. */
export function waitText(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  const minutes = Math.floor(s / 60);
  if (minutes === 0) return `${s}秒`;
  return s % 60 === 0 ? `${minutes}分钟` : `${minutes}分${s % 60}秒`;
}

/** A page's heading and the line under it, for a page that says why it cannot answer. */
export interface PageText {
  title: string;
  detail: string;
}

/** What a page says while the database is out (served with 503). */
export const OUTAGE_PAGE_TEXT: PageText = { title: '暂时无法查询', detail: '暂时无法查询，请稍后再试。' };

/**
 * What a page says for a refusal before its own answer (PageRefusals, src/web/page-refusals.ts), by the API's code:
 * the public throttle and a malformed address by name, anything else a person caused in
 * general words (the status tells a program the rest).
 */
export function refusalPageText(code: string, retryAfterSeconds?: number): PageText {
  switch (code) {
    case 'RATE_LIMITED':
    case 'TOO_MANY_ATTEMPTS':
      return {
        title: '查询过于频繁',
        detail: `本设备在短时间内查询次数过多，请${waitText(retryAfterSeconds ?? 60)}后再试。`,
      };
    case 'BAD_URL':
      return {
        title: '网址有误',
        detail: '网址中含有无法识别的字符，可能在复制或转发时被截断。请核对网址后重试。',
      };
    case 'SERVICE_UNAVAILABLE':
      return OUTAGE_PAGE_TEXT;
    case 'PDF_BUSY':
      return { title: '下载人数较多', detail: '当前下载的人数较多，请稍后再试。' };
    case 'ROUTE_NOT_FOUND':
      return { title: '页面不存在', detail: '没有这个网址的页面。请核对网址，或从上方的栏目进入。' };
    case 'BODY_TOO_LARGE':
      return { title: '提交内容过多', detail: '提交的内容超出了允许的长度，请重新填写后提交。' };
    default:
      return { title: '无法处理该请求', detail: '请求的格式不正确。请返回后重新操作；如仍有问题，请向发证机关咨询。' };
  }
}
