// The console's words for the API's codes, run by the unit project under Node beside the
// service's own tables, so a code the service adds without a Chinese text fails here.
import { errorStatusTables } from '../../../../src/error-codes';
import { toApiError } from './client';
import { API_MESSAGES, apiMessage } from './error-messages';

const serviceCodes = Object.values(errorStatusTables).flatMap((table) => Object.keys(table));
const CJK = /[\u4e00-\u9fff]/;

describe('the console says every API error in Chinese', () => {
  it.each(serviceCodes)('%s has a Chinese text', (code) => {
    expect(API_MESSAGES[code]).toMatch(CJK);
    // Acronyms (JSON, PDF, UTF-8) may stand in a text; an English phrase may not.
    expect(API_MESSAGES[code]).not.toMatch(/[A-Za-z]+ [A-Za-z]+/);
  });

  it('lists no code the service does not answer', () => {
    expect(Object.keys(API_MESSAGES).filter((code) => !serviceCodes.includes(code))).toEqual([]);
  });

  it('names the certificate and the dates an answer carries', () => {
    expect(apiMessage('CERTIFICATE_CONFLICT', { certificateNo: 'ZJZ2026000007' })).toBe(
      '该持证人本年度此资格已有证书，且登记信息与本次不同。（证书编号 ZJZ2026000007）',
    );
    expect(apiMessage('MEETING_DATE_TOO_EARLY', { field: 'meetingDate', earliest: '2027-01-18' })).toContain(
      '（最早可选 2027-01-18）',
    );
  });

  it('names the invisible character a text rule refused', () => {
    expect(apiMessage('VALIDATION_FAILED', { field: 'summary', character: 'U+202E' })).toBe(
      '填写的内容不符合要求，请检查后重试。（含不可见的字符 U+202E）',
    );
  });

  it('still reads in Chinese for a code this console does not know, with the code to quote', () => {
    expect(apiMessage('SOMETHING_NEW')).toBe('操作未成功（错误代码 SOMETHING_NEW），请刷新页面后重试。');
  });

  it('reads an answer into the officer’s words and keeps the service’s text beside them', () => {
    const problem = toApiError(
      {
        code: 'HOLDER_CERTIFICATE_REVOKED',
        message:
          "This holder's certificate ZJZ2026000003 for this level and year was revoked; it cannot be issued again.",
        details: { certificateNo: 'ZJZ2026000003' },
      },
      409,
    );
    expect(problem.message).toBe('该持证人本年度此资格的证书已撤销，不能再次签发。（证书编号 ZJZ2026000003）');
    expect(problem.serviceMessage).toContain('was revoked');
    expect(toApiError('<html>Bad gateway</html>', 502).message).toBe('服务暂时不可用（HTTP 502）');
  });
});
