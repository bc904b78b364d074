import type { SignatureCheck, SignatureOutcome } from '../../signing/credential-verifier';
import type { TokenClaims } from '../../signing/token-claims';
import { reason, type ReasonCode } from '../../signing/verification-reasons';
import { KnownStatus, verdictFor } from './verdict';

const claims = {
  v: 1,
  no: 'ZJZ2026000001',
  n: '张三',
  l: 'Z',
  s: 'M',
  p: '2026-11-20',
  i: 1795815531,
  h: 'wg5vQH3APJgWvsP8_jidaQ',
  x: 7,
} as TokenClaims;
const both = (amr: boolean, hrss: boolean) => [
  { authority: 'amr' as const, kid: 'k1', valid: amr },
  { authority: 'hrss' as const, kid: 'k2', valid: hrss },
];

function check(
  ok: boolean,
  codes: ReasonCode[],
  signatures: SignatureOutcome[] = both(ok, ok),
  verified = true,
): SignatureCheck<TokenClaims> {
  return {
    ok,
    reasons: codes.map((c) => reason(c, c)),
    signatures,
    claims: verified ? claims : null,
    payload: verified ? 'p' : null,
  };
}

function status(
  verdict: KnownStatus['verdict'],
  reasons: ReasonCode[] = [],
  revocation: KnownStatus['revocation'] = null,
): KnownStatus {
  return { verdict, reasons, revocation, checkedAt: '2026-11-27T02:00:00.000Z' };
}

describe('verdictFor', () => {
  it.each([
    [
      'hrss signature failed',
      check(false, ['SIGNATURE_INVALID'], both(true, false)),
      '浙江省人力资源和社会保障厅的电子签名验证失败',
    ],
    [
      'both failed',
      check(false, ['SIGNATURE_INVALID', 'SIGNATURE_INVALID'], both(false, false)),
      '浙江省市场监督管理局、浙江省人力资源和社会保障厅的电子签名验证失败',
    ],
    [
      'unknown key in signature 2',
      check(
        false,
        ['KID_UNKNOWN'],
        [
          { authority: 'amr', kid: 'k1', valid: false },
          { authority: null, kid: 'zz', valid: false },
        ],
        false,
      ),
      '第 2 个电子签名使用的密钥不是发证机关公布的密钥',
    ],
    ['a future iat', check(false, ['ISSUED_IN_FUTURE']), '签发时间晚于当前时间'],
    ['a malformed token', check(false, ['CREDENTIAL_MALFORMED'], [], false), '不是完整、有效的证书查验码'],
  ])('says 无效 and why for %s', (_label, c, text) => {
    const verdict = verdictFor(c, { kind: 'answered', status: status('VALID') });
    expect([verdict.verdictClass, verdict.title]).toEqual(['invalid', '无效']);
    expect(verdict.detail).toContain(text);
  });

  it('says 有效 only once the registry confirms', () => {
    expect(verdictFor(check(true, []), { kind: 'pending' }).verdictClass).toBe('pending');
    expect(verdictFor(check(true, []), { kind: 'answered', status: status('VALID') })).toMatchObject({
      verdictClass: 'valid',
      title: '有效',
    });
  });

  it('says 已撤销 with date, reason category and decision document', () => {
    const revocation = {
      revokedOn: '2027-03-01',
      reasonCategoryName: '弄虚作假',
      decisionDocument: '浙市监人〔2027〕3号',
    };
    const verdict = verdictFor(check(true, []), {
      kind: 'answered',
      status: status('REVOKED', ['CERTIFICATE_REVOKED'], revocation),
    });
    expect(verdict).toMatchObject({ verdictClass: 'revoked', title: '已撤销' });
    expect(verdict.detail).toBe(
      '该证书已于2027年3月1日撤销，不再有效。\n撤销原因：弄虚作假\n撤销决定：浙市监人〔2027〕3号',
    );
    expect(verdictFor(check(true, []), { kind: 'answered', status: status('REVOKED') }).detail).toContain(
      '撤销详情请向发证机关查询',
    );
  });

  it.each([
    ['CERTIFICATE_NOT_FOUND', '登记系统中没有这张证书'],
    ['PAYLOAD_MISMATCH', '与登记系统中的证书记录不一致'],
  ] as const)('says 无效 when the registry answers %s', (code, text) => {
    const verdict = verdictFor(check(true, []), { kind: 'answered', status: status('INVALID', [code]) });
    expect(verdict.title).toBe('无效');
    expect(verdict.detail).toContain(text);
  });

  it('says signatures valid, status unknown, and when the status was last known (China time)', () => {
    const offline = verdictFor(check(true, []), { kind: 'unreachable', lastKnown: status('VALID') });
    expect(offline).toMatchObject({ verdictClass: 'unknown', title: '签名有效，状态未知' });
    expect(offline.detail).toContain('本设备上次于 2026年11月27日 10:00 查询时，状态为“有效”');
    expect(verdictFor(check(true, []), { kind: 'unreachable', lastKnown: null }).detail).toContain(
      '没有该证书此前的查询记录',
    );
  });

  it("falls back on the signed status list out of the registry's reach, and says how old it is", () => {
    const now = new Date('2026-11-27T02:30:00Z');
    const valid = verdictFor(check(true, []), {
      kind: 'from-list',
      revoked: false,
      listIssuedAt: '2026-11-27T02:00:00.000Z',
      now,
    });
    expect(valid).toMatchObject({ verdictClass: 'valid', title: '有效' });
    expect(valid.detail).toContain('2026年11月27日 10:00 发布的证书状态列表（30 分钟前），该证书未被撤销');
    const revoked = verdictFor(check(true, []), {
      kind: 'from-list',
      revoked: true,
      listIssuedAt: '2026-11-27T02:29:40.000Z',
      now,
    });
    expect(revoked).toMatchObject({ verdictClass: 'revoked', title: '已撤销' });
    expect(revoked.detail).toContain('（刚刚发布），该证书已被撤销');
  });

  it('says too many lookups, not that the registry is out of reach, when it answered 429', () => {
    const busy = verdictFor(check(true, []), { kind: 'unreachable', lastKnown: null, busy: true });
    expect(busy.detail).toContain('查询过于频繁，登记系统暂不受理');
    expect(busy.detail).not.toContain('无法连接');
    const listed = verdictFor(check(true, []), {
      kind: 'from-list',
      revoked: false,
      listIssuedAt: '2026-11-27T02:00:00.000Z',
      now: new Date('2026-11-27T02:30:00Z'),
      busy: true,
    });
    expect(listed.detail).toContain('查询过于频繁，登记系统暂不受理，请稍后再试；根据两个发证机关');
  });
});
