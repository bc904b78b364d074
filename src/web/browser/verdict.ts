/**
 * What the verification page says, as a pure function of the signature check and the live
 * status, so the wording rules are unit-tested without a browser. Isomorphic.
 */
import { AUTHORITY_NAMES, type AuthorityId } from '../../keys/authority';
import type { SignatureCheck, SignatureOutcome } from '../../signing/credential-verifier';
import type { TokenClaims } from '../../signing/token-claims';
import type { ReasonCode } from '../../signing/verification-reasons';
import { chinaDateTime } from '../../common/china-dates';
import { revokedDetail, type RevocationText } from '../page-text';

export type VerdictClass = 'pending' | 'valid' | 'revoked' | 'invalid' | 'unknown';

export interface Verdict {
  verdictClass: VerdictClass;
  title: string;
  detail: string;
}

/** The registry's answer as the page keeps it (also the "last known" entry in localStorage). */
export interface KnownStatus {
  verdict: 'VALID' | 'REVOKED' | 'INVALID';
  reasons: ReasonCode[];
  revocation: RevocationText | null;
  /** ISO instant of the registry's answer. */
  checkedAt: string;
}

export type LiveStatus =
  | { kind: 'pending' }
  | { kind: 'answered'; status: KnownStatus }
  /** `busy`: the registry answered 429, too many lookups from this address (not out of reach). */
  | { kind: 'unreachable'; lastKnown: KnownStatus | null; busy?: boolean }
  /** The registry was out of reach (or busy); the signed status list answered instead. */
  | { kind: 'from-list'; revoked: boolean; listIssuedAt: string; now: Date; busy?: boolean };

/** Why the registry gave no answer, in words. */
function noAnswer(busy: boolean | undefined): string {
  return busy ? '查询过于频繁，登记系统暂不受理，请稍后再试' : '暂时无法连接登记系统';
}

const BOTH_VALID = '两个发证机关的电子签名均有效';

function authorityName(authority: AuthorityId | null): string {
  return authority ? AUTHORITY_NAMES[authority].zh : '未知机关';
}

/** Says which signature failed, by authority, or that a key is not a published one. */
function signatureProblem(check: SignatureCheck<TokenClaims>): string {
  const codes = check.reasons.map((r) => r.code);
  const failed = codes.includes('SIGNATURE_INVALID')
    ? check.signatures.filter((s: SignatureOutcome) => s.authority !== null && !s.valid)
    : [];
  if (failed.length > 0) {
    return `${failed.map((s) => authorityName(s.authority)).join('、')}的电子签名验证失败：证书内容被改动，或签名不是该机关所签。`;
  }
  if (codes.includes('KID_UNKNOWN')) {
    const index = check.signatures.findIndex((s) => s.kid !== null && s.authority === null);
    return `第 ${index + 1} 个电子签名使用的密钥不是发证机关公布的密钥（未知密钥），无法确认签发机关。`;
  }
  if (codes.includes('ISSUED_IN_FUTURE')) return '证书的签发时间晚于当前时间。请检查本设备的日期和时间。';
  if (codes.includes('AUTHORITY_DUPLICATED')) return '两个电子签名出自同一机关；证书须由两个发证机关各签一次。';
  return '二维码中的内容不是完整、有效的证书查验码，可能被改动或截断。';
}

function registryProblem(status: KnownStatus): string {
  if (status.reasons.includes('CERTIFICATE_NOT_FOUND')) return '登记系统中没有这张证书。';
  if (status.reasons.includes('PAYLOAD_MISMATCH')) return '二维码中的内容与登记系统中的证书记录不一致。';
  if (status.reasons.includes('NOT_IN_TRANSPARENCY_LOG'))
    return '该证书未在公开透明日志中登记（未公开登记），不能认定为有效。';
  if (status.reasons.includes('LOG_PROOF_INVALID')) return '公开透明日志对该证书的登记证明未通过核验。';
  if (status.reasons.includes('SIGNATURE_INVALID') || status.reasons.includes('KID_UNKNOWN'))
    return '登记系统未能核验二维码中的电子签名。';
  return '登记系统认定该证书无效。';
}

function lastKnownText(lastKnown: KnownStatus | null): string {
  if (!lastKnown) return '本设备没有该证书此前的查询记录。';
  const label = lastKnown.verdict === 'VALID' ? '有效' : lastKnown.verdict === 'REVOKED' ? '已撤销' : '无效';
  return `本设备上次于 ${chinaDateTime(lastKnown.checkedAt)} 查询时，状态为“${label}”。`;
}

/** How old the status list is, in words: it may miss a revocation made since. */
function ageText(issuedAt: string, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(issuedAt)) / 60_000));
  if (minutes < 1) return '刚刚发布';
  if (minutes < 120) return `${minutes} 分钟前`;
  return `${Math.round(minutes / 60)} 小时前`;
}

/** The verdict for a token whose signatures were checked; `live` is the registry's side. */
export function verdictFor(check: SignatureCheck<TokenClaims>, live: LiveStatus): Verdict {
  if (!check.ok) return { verdictClass: 'invalid', title: '无效', detail: signatureProblem(check) };
  switch (live.kind) {
    case 'pending':
      return {
        verdictClass: 'pending',
        title: '签名有效，正在查询证书状态…',
        detail: `${BOTH_VALID}。正在向登记系统查询证书目前的状态。`,
      };
    case 'unreachable':
      return {
        verdictClass: 'unknown',
        title: '签名有效，状态未知',
        detail: `${BOTH_VALID}，证书内容未被改动。\n${noAnswer(live.busy)}，不能确认证书目前是否已被撤销。${lastKnownText(live.lastKnown)}`,
      };
    case 'from-list': {
      const source = `${noAnswer(live.busy)}；根据两个发证机关于 ${chinaDateTime(live.listIssuedAt)} 发布的证书状态列表（${ageText(live.listIssuedAt, live.now)}）`;
      return live.revoked
        ? {
            verdictClass: 'revoked',
            title: '已撤销',
            detail: `${BOTH_VALID}。\n${source}，该证书已被撤销。撤销决定请在登记系统恢复后查看。`,
          }
        : {
            verdictClass: 'valid',
            title: '有效',
            detail: `${BOTH_VALID}，证书内容未被改动。\n${source}，该证书未被撤销。`,
          };
    }
    case 'answered': {
      const status = live.status;
      if (status.verdict === 'VALID')
        return { verdictClass: 'valid', title: '有效', detail: `${BOTH_VALID}，登记系统中证书状态为有效。` };
      if (status.verdict === 'REVOKED')
        return { verdictClass: 'revoked', title: '已撤销', detail: revokedDetail(status.revocation) };
      return { verdictClass: 'invalid', title: '无效', detail: registryProblem(status) };
    }
  }
}

/** When the page could not even get the published keys (offline on a first visit). */
export const NO_KEYS_VERDICT: Verdict = {
  verdictClass: 'unknown',
  title: '暂时无法核验',
  detail: '无法获取发证机关公布的公钥，本设备也没有保存过。请连接网络后重新打开本页。',
};
