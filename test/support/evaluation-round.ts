import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, ApiResponse, Officer, TestApp } from './test-app';

const FIXTURES = join(__dirname, '../fixtures/evaluation');
/** 10:00 in China on a date. */
export const chinaMorning = (date: string): Date => new Date(`${date}T02:00:00Z`);

/** Two applicants of applications-professor.csv, as a certificate names its holder. */
const FIXTURE_APPLICANTS = {
  陈晓峰: {
    holder: { name: '陈晓峰', gender: '男', idNumber: '330106197803120113', employer: '浙江省计量科学研究院' },
    specialty: 'metrology',
  },
  林雪: {
    holder: { name: '林雪', gender: '女', idNumber: '330106198007210227', employer: '杭州市质量技术监督检测院' },
    specialty: 'quality',
  },
} as const;

/**
 * A direct issuance (POST /api/v1/certificates) of a professor 2026 certificate to an applicant
 * of the fixture round, under a document of its own: other details than the round's
 * (passed on 2026-12-18 under 浙市监人〔2026〕50号) unless `details` says otherwise.
 */
export function applicantCertificateRequest(
  name: keyof typeof FIXTURE_APPLICANTS,
  details: { passedOn?: string; approvalDocument?: string } = {},
) {
  return {
    ...FIXTURE_APPLICANTS[name],
    level: 'professor',
    evaluationYear: 2026,
    passedOn: details.passedOn ?? '2026-11-20',
    approvalDocument: details.approvalDocument ?? '浙市监人〔2026〕12号',
  };
}

/** A fresh access token for an officer (tokens live 15 minutes; the tests move the clock by days). */
export async function signIn(t: TestApp, officer: Officer): Promise<Officer> {
  const response = await api(t, 'POST', '/api/v1/auth/token', {
    username: officer.username,
    password: officer.password,
  });
  return { ...officer, token: response.body.accessToken as string };
}

/**
 * Brings a professor round of 2026 to PUBLISHED through the API, every step on its day, all
 * 8 applicants of test/fixtures/evaluation passing: the way in for tests of what follows the
 * publication. The AMR admin runs the round; the HRSS admin approves the report and confirms
 * the publication the AMR admin proposes. The rules of each step are tested in
 * evaluation.e2e-spec.ts, not here. Leaves the clock on the publication day (2026-12-28);
 * returns the round id.
 */
export async function publishedProfessorRound(t: TestApp, amrAdmin: Officer, hrssAdmin: Officer): Promise<number> {
  let [amr, hrss] = [amrAdmin, hrssAdmin];
  const day = async (date: string) => {
    t.clock.set(chinaMorning(date));
    [amr, hrss] = await Promise.all([signIn(t, amr), signIn(t, hrss)]);
  };
  const step = async (path: string, body?: unknown, contentType?: string, by = amr): Promise<ApiResponse> => {
    const response = await api(
      t,
      'POST',
      `/api/v1/evaluation${path}`,
      body,
      by.token,
      contentType ? { 'content-type': contentType } : {},
    );
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  };
  const csv = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

  await day('2026-11-02');
  await step('/pools/professor/import?reviewedOn=2026-06-30', csv('pool-professor.csv'), 'text/csv; charset=utf-8');
  const id = (await step('/rounds', { level: 'professor', year: 2026, meetingDate: '2026-12-18' })).body.id as number;
  await step(`/rounds/${id}/applications/import`, csv('applications-professor.csv'), 'text/csv; charset=utf-8');
  await step(`/rounds/${id}/applications-closure`);
  await day('2026-12-01');
  await step(`/rounds/${id}/eligibility-check`);
  const seed = randomBytes(32).toString('hex');
  await step(`/rounds/${id}/draw-commitment`, {
    commitment: createHash('sha256').update(seed).digest('hex'),
    committeeSize: 25,
    viceChairs: 2,
  });
  // The public witness keyed into the draw with the seed (docs/evaluation.md).
  await step(`/rounds/${id}/draw-witness`, {
    value: '2026138',
    source: '中国福利彩票 双色球 2026138期',
    publishedOn: '2026-12-01',
  });
  const members = ((await step(`/rounds/${id}/draw`, { seed })).body as Array<{ code: string }>).map((m) => m.code);
  await day('2026-12-08');
  await step(`/rounds/${id}/pre-evaluation-report`, { reportedOn: '2026-12-04' });
  await step(
    `/rounds/${id}/hrss-approval`,
    { approvalDocument: '浙人社〔2026〕88号', approvedOn: '2026-12-08' },
    undefined,
    hrss,
  );
  await day('2026-12-18');
  await step(`/rounds/${id}/attendance`, { present: members.slice(0, 17) });
  const applications = (await api(t, 'GET', `/api/v1/evaluation/rounds/${id}/applications`, undefined, amr.token))
    .body as Array<{ id: number }>;
  await step(`/rounds/${id}/tally`, {
    tallies: applications.map((a) => ({ applicationId: a.id, yes: 15, no: 1, abstain: 1 })),
  });
  await step(`/rounds/${id}/result-confirmation`, { presidingCode: members[0] });
  await day('2026-12-21');
  await step(`/rounds/${id}/results-publicity`, { start: '2026-12-21', end: '2026-12-25' });
  await day('2026-12-28');
  await step(`/rounds/${id}/publication`, { jointDocument: '浙市监人〔2026〕50号', publishedOn: '2026-12-28' });
  await step(`/rounds/${id}/publication/confirmation`, undefined, undefined, hrss);
  return id;
}
