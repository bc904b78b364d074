import { issuanceRequest, makeIdNumber } from '../support/builders';
import { api, officer, TestApp } from '../support/test-app';

export const REVOCATION = {
  reasonCategory: 'falsified-materials',
  reasonCategoryName: '伪造、变造申报材料',
  decisionDocument: '浙市监人〔2026〕40号',
  date: '2026-11-27',
};

/**
 * Issues a certificate to another holder and revokes it the real way (docs/revocation.md): a
 * revoker of AMR proposes, a revoker of HRSS confirms. Returns its number and QR token.
 */
export async function issueAndRevoke(
  t: TestApp,
  issuerToken: string,
  sequence = 8,
): Promise<{ certificateNo: string; token: string }> {
  const holder = { name: '李四', gender: '女', idNumber: makeIdNumber('1984-06-01', sequence) };
  const issued = await api(t, 'POST', '/api/v1/certificates', issuanceRequest({}, holder), issuerToken);
  if (issued.status !== 201) throw new Error(`issuance failed: ${issued.status} ${JSON.stringify(issued.body)}`);
  const certificateNo = issued.body.certificateNo as string;
  const amr = await officer(t, `amr-revoker-${sequence}`, 'amr', ['revoker']);
  const hrss = await officer(t, `hrss-revoker-${sequence}`, 'hrss', ['revoker']);
  const proposal = {
    certificateNo,
    reasonCategory: REVOCATION.reasonCategory,
    description: '申报材料中的业绩证明系伪造。',
    decisionDocument: REVOCATION.decisionDocument,
    decisionDate: REVOCATION.date,
    effectiveDate: REVOCATION.date,
    serious: false,
  };
  const proposed = await api(t, 'POST', '/api/v1/revocations', proposal, amr.token);
  const confirmed = await api(
    t,
    'POST',
    `/api/v1/revocations/${proposed.body.id as number}/confirmation`,
    undefined,
    hrss.token,
  );
  if (confirmed.status !== 200 && confirmed.status !== 201)
    throw new Error(`revocation failed: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  const [row] = await t.dataSource.query<Array<{ qr_token: string }>>(
    `SELECT qr_token FROM certificates WHERE certificate_no = '${certificateNo}'`,
  );
  return { certificateNo, token: row.qr_token };
}
