import { AppError } from '../common/app-error';
import { CertificateEntity } from './certificate.entity';
import type { IssuanceResult } from './certificates.service';
import * as claims from './credential-claims.builder';
import type { IssueCertificateDto } from './dto/issue-certificate.dto';
import { answersOf, drawStatusIndices, sortRequests } from './issuance-plan';

const request = (idNumber: string, employer = '浙江省计量科学研究院') =>
  ({ holder: { name: '张三', gender: '男', idNumber, employer } }) as IssueCertificateDto;
const certificate = (certificateNo: string, employer = '浙江省计量科学研究院') =>
  Object.assign(new CertificateEntity(), { certificateNo, employer });
/** A replay that answers the certificate again when the employer matches, as CertificatesService.replay does for all facts. */
const replay = (found: CertificateEntity, r: IssueCertificateDto): IssuanceResult => {
  if (found.employer !== r.holder.employer) throw new AppError('CERTIFICATE_CONFLICT', 'other facts');
  return { created: false, certificate: found };
};

describe('issuance plan', () => {
  it('sorts requests into retries, one new certificate per holder, and repeats of a new one', () => {
    const existing = new Map([['B', certificate('ZJZ2026000001')]]);
    const requests = [request('A'), request('B'), request('A'), request('C'), request('A', '浙江大学')];
    const plan = sortRequests(requests, existing);
    expect(plan.fresh).toEqual([0, 3]);
    expect([...plan.existing.keys()]).toEqual([1]);
    expect([...plan.repeats]).toEqual([
      [2, 0],
      [4, 0],
    ]);
  });

  it('answers each request: created, the existing certificate again, a repeat from its first request, or why not', () => {
    const existing = new Map([['B', certificate('ZJZ2026000001', '浙江大学')]]);
    const requests = [request('A'), request('B'), request('A'), request('A', '浙江大学')];
    const plan = sortRequests(requests, existing);
    const written = [certificate('ZJZ2026000002')];
    const answers = answersOf(plan, requests, written, replay);
    expect(answers[0]).toEqual({ status: 'fulfilled', value: { created: true, certificate: written[0] } });
    expect(answers[1]).toMatchObject({ status: 'rejected', reason: { code: 'CERTIFICATE_CONFLICT' } });
    expect(answers[2]).toEqual({ status: 'fulfilled', value: { created: false, certificate: written[0] } });
    expect(answers[3]).toMatchObject({ status: 'rejected', reason: { code: 'CERTIFICATE_CONFLICT' } });
  });

  it('draws distinct indices, none of those it is told to avoid', () => {
    const draws = [5, 5, 7, 9, 7, 11];
    const drawn = jest.spyOn(claims, 'randomStatusIndex').mockImplementation(() => draws.shift() as number);
    try {
      expect(drawStatusIndices(3, new Set([7]))).toEqual([5, 9, 11]);
    } finally {
      drawn.mockRestore();
    }
  });
});
