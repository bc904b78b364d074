import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliActor } from '../../src/audit/audit.service';
import { CertificateBatchService } from '../../src/certificates/certificate-batch.service';
import { verifyDraw } from '../../src/evaluation/draw-verification';
import { toDrawRecord } from '../../src/evaluation/draws.service';
import { RoundIssuanceService } from '../../src/evaluation/round-issuance.service';
import { makeIdNumber } from '../support/builders';
import { meanwhile } from '../support/interleave';
import { api, ApiResponse, officer, Officer, startTestApp, TestApp } from '../support/test-app';

const FIXTURES = join(__dirname, '../fixtures/evaluation');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const at = (date: string) => new Date(`${date}T02:00:00Z`); // 10:00 in China
const codes = (r: ApiResponse) => [r.status, r.body.code];

describe('an evaluation round from CSV files to verifiable certificates (e2e)', () => {
  let t: TestApp;
  let admin: Officer;
  let hrss: Officer;
  let issuer: Officer;
  let auditor: Officer;

  beforeAll(async () => {
    t = await startTestApp({ now: at('2026-11-02') });
    await t.reset();
  });
  afterAll(async () => t.close());

  /** Moves the clock and signs everyone in again (access tokens live 15 minutes). */
  async function day(date: string): Promise<void> {
    t.clock.set(at(date));
    const login = async (o: Officer) => ({
      ...o,
      token: (await api(t, 'POST', '/api/v1/auth/token', { username: o.username, password: o.password })).body
        .accessToken as string,
    });
    [admin, hrss, issuer, auditor] = await Promise.all([admin, hrss, issuer, auditor].map(login));
  }
  const post = (path: string, body: unknown, by = admin) => api(t, 'POST', `/api/v1/evaluation${path}`, body, by.token);
  const csv = (path: string, text: string) =>
    api(t, 'POST', `/api/v1/evaluation${path}`, text, admin.token, { 'content-type': 'text/csv; charset=utf-8' });

  it('runs every step in order, enforcing each rule at its boundary', async () => {
    admin = await officer(t, 'amr-office', 'amr', ['admin']);
    hrss = await officer(t, 'hrss-office', 'hrss', ['admin']);
    issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    auditor = await officer(t, 'hrss-auditor', 'hrss', ['auditor']);

    // The pool and the round.
    const pool = await csv('/pools/professor/import?reviewedOn=2026-06-30', fixture('pool-professor.csv'));
    expect(pool.status).toBe(200);
    expect(pool.body).toMatchObject({
      level: 'professor',
      members: 64,
      reviewedOn: '2026-06-30',
      reviewOverdue: false,
      drawable: true,
    });
    const created = await post('/rounds', { level: 'professor', year: 2026, meetingDate: '2026-12-18' });
    expect([created.status, created.body.state]).toEqual([201, 'OPEN']);
    const id = created.body.id as number;
    expect(codes(await post('/rounds', { level: 'professor', year: 2026, meetingDate: '2026-12-20' }))).toEqual([
      409,
      'ROUND_EXISTS',
    ]);

    // Applications: a banned applicant is refused with the ban's end date; a bad file imports nothing.
    const banned = makeIdNumber('1976-02-02', 93);
    await t.dataSource.query(
      `INSERT INTO bans (id_number, from_date, until_date, decision_document, case_id, created_at) VALUES ('${banned}', '2026-01-01', '2028-12-31', '浙市监人〔2025〕9号', 1, '2025-12-01T00:00:00.000Z')`,
    );
    const application = {
      name: '钱七',
      idNumber: banned,
      employer: '浙江省计量科学研究院',
      specialty: 'metrology',
      channel: 'regular',
      quantitativeScore: null,
      pledge: true,
      employerPublicityStart: '2026-10-12',
      employerPublicityEnd: '2026-10-16',
      departmentReviewed: true,
      intermediateRecommended: false,
    };
    const refused = await post(`/rounds/${id}/applications`, application);
    expect([refused.status, refused.body.code, refused.body.details.until]).toEqual([
      422,
      'APPLICANT_BANNED',
      '2028-12-31',
    ]);
    const bad = await csv(`/rounds/${id}/applications/import`, fixture('applications-invalid.csv'));
    expect(codes(bad)).toEqual([400, 'CSV_INVALID']);
    expect(
      bad.body.details.problems.map((p: { line: number; field: string; code: string }) => [p.line, p.field, p.code]),
    ).toEqual([
      [3, '身份证号', 'ID_NUMBER_INVALID'],
      [4, '单位公示结束', 'EMPLOYER_PUBLICITY_TOO_SHORT'],
      [5, '真实性承诺', 'PLEDGE_MISSING'],
    ]);
    expect((await api(t, 'GET', `/api/v1/evaluation/rounds/${id}/applications`, undefined, admin.token)).body).toEqual(
      [],
    );
    expect((await csv(`/rounds/${id}/applications/import`, fixture('applications-professor.csv'))).body).toEqual({
      imported: 8,
    });

    // Steps out of order are refused.
    expect(codes(await post(`/rounds/${id}/eligibility-check`, undefined))).toEqual([409, 'ROUND_STEP_OUT_OF_ORDER']);
    expect((await post(`/rounds/${id}/applications-closure`, undefined)).body.state).toBe('APPLICATIONS_CLOSED');
    expect(codes(await csv(`/rounds/${id}/applications/import`, fixture('applications-professor.csv')))).toEqual([
      409,
      'ROUND_STEP_OUT_OF_ORDER',
    ]);

    // Eligibility and the committed draw, on 1 December (Z001's third year ends that day, Z002's the next).
    await day('2026-12-01');
    expect((await post(`/rounds/${id}/eligibility-check`, undefined)).body.state).toBe('ELIGIBILITY_CHECKED');
    const seed = randomBytes(32).toString('hex');
    const commitment = createHash('sha256').update(seed).digest('hex');
    expect(
      codes(await post(`/rounds/${id}/draw-commitment`, { commitment, committeeSize: 26, viceChairs: 2 })),
    ).toEqual([422, 'COMMITTEE_SIZE_INVALID']);
    expect(
      (await post(`/rounds/${id}/draw-commitment`, { commitment, committeeSize: 25, viceChairs: 2 })).body.commitment,
    ).toBe(commitment);
    expect(
      codes(await post(`/rounds/${id}/draw-commitment`, { commitment, committeeSize: 25, viceChairs: 2 })),
    ).toEqual([409, 'DRAW_ALREADY_COMMITTED']);
    expect(codes(await post(`/rounds/${id}/pre-evaluation-report`, { reportedOn: '2026-12-01' }))).toEqual([
      409,
      'COMMITTEE_NOT_DRAWN',
    ]);
    // The draw waits for the public witness, published after the commitment (docs/evaluation.md).
    expect(codes(await post(`/rounds/${id}/draw`, { seed }))).toEqual([409, 'DRAW_WITNESS_MISSING']);
    const witness = { value: '2026138', source: '中国福利彩票 双色球 2026138期', publishedOn: '2026-12-01' };
    expect((await post(`/rounds/${id}/draw-witness`, witness)).status).toBe(200);
    expect(codes(await post(`/rounds/${id}/draw`, { seed: randomBytes(32).toString('hex') }))).toEqual([
      422,
      'SEED_MISMATCH',
    ]);
    const drawn = await post(`/rounds/${id}/draw`, { seed });
    expect(drawn.status).toBe(200);
    expect(drawn.body).toHaveLength(25);
    expect(drawn.body.map((m: { role: string }) => m.role).slice(0, 3)).toEqual(['chair', 'vice-chair', 'vice-chair']);
    // Seats: 3 quality, 2 metrology, 2 standardization, 1 special-equipment applicants → 10, 6, 6, 3.
    const seats = (specialty: string) =>
      drawn.body.filter((m: { specialty: string }) => m.specialty === specialty).length;
    expect(['quality', 'metrology', 'standardization', 'special-equipment'].map(seats)).toEqual([10, 6, 6, 3]);

    // Anyone can recompute the draw from the public record; a wrong seed does not match the commitment.
    const record = (await api(t, 'GET', `/api/v1/evaluation/rounds/${id}/draw`)).body;
    expect(record).toMatchObject({ commitment, seed, seatPlan: { committeeSize: 25, viceChairs: 2 } });
    const snapshotCodes = JSON.parse(record.snapshotText).members.map((m: { code: string }) => m.code);
    expect([snapshotCodes.length, snapshotCodes.includes('Z001'), snapshotCodes.includes('Z002')]).toEqual([
      59,
      true,
      false,
    ]);
    const check = verifyDraw(toDrawRecord(record));
    expect(check).toMatchObject({
      commitmentMatches: true,
      snapshotMatches: true,
      committeeMatches: true,
      withdrawalsMatch: true,
      matches: true,
    });
    expect(check.recomputed.map((m) => m.code)).toEqual(drawn.body.map((m: { code: string }) => m.code));
    expect(verifyDraw(toDrawRecord({ ...record, seed: randomBytes(32).toString('hex') })).commitmentMatches).toBe(
      false,
    );
    expect((await api(t, 'GET', `/api/v1/evaluation/rounds/${id}/draw/verification`)).body).toEqual({
      commitmentMatches: true,
      snapshotMatches: true,
      committeeMatches: true,
      withdrawalsMatch: true,
      matches: true,
    });

    // AMR's report reaches HRSS 10 working days before the meeting (4 December for 18 December);
    // the committee may meet once an HRSS officer has recorded HRSS's approval.
    await day('2026-12-08');
    const report = (reportedOn: string) => post(`/rounds/${id}/pre-evaluation-report`, { reportedOn });
    const approval = { approvalDocument: '浙人社〔2026〕88号', approvedOn: '2026-12-08' };
    expect(codes(await post(`/rounds/${id}/hrss-approval`, approval, hrss))).toEqual([
      409,
      'PRE_EVALUATION_REPORT_NOT_RECORDED',
    ]);
    const late = await report('2026-12-07');
    expect([...codes(late), late.body.details.latest]).toEqual([422, 'PRE_EVALUATION_REPORT_TOO_LATE', '2026-12-04']);
    expect((await report('2026-12-04')).body).toMatchObject({
      state: 'ELIGIBILITY_CHECKED',
      reportedOn: '2026-12-04',
      reportedBy: 'amr-office',
    });
    expect((await post(`/rounds/${id}/hrss-approval`, approval, hrss)).body).toMatchObject({
      state: 'PRE_EVALUATION_REPORTED',
      hrssApprovalDocument: '浙人社〔2026〕88号',
      hrssApprovedOn: '2026-12-08',
    });

    // The meeting: a quorum of 17 of 25; each tally adds up to those present; 12 of 17 pass, 11 fail.
    const members: string[] = drawn.body.map((m: { code: string }) => m.code);
    const [chair, , , plainMember] = members;
    await day('2026-12-17');
    expect(codes(await post(`/rounds/${id}/attendance`, { present: members.slice(0, 17) }))).toEqual([
      422,
      'MEETING_DATE_NOT_REACHED',
    ]);
    await day('2026-12-18');
    expect(
      codes(await post(`/rounds/${id}/tally`, { tallies: [{ applicationId: 1, yes: 1, no: 0, abstain: 0 }] })),
    ).toEqual([409, 'ATTENDANCE_NOT_RECORDED']);
    expect(codes(await post(`/rounds/${id}/attendance`, { present: [...members.slice(0, 16), 'Z999'] }))).toEqual([
      422,
      'NOT_A_COMMITTEE_MEMBER',
    ]);
    // A withdrawal (回避) landing while attendance is taken is seen by it: the attendance reads the
    // committee under the round's lock, which the withdrawal takes too.
    const leaving = members[24];
    const withdrawn = meanwhile(t, () =>
      post(`/rounds/${id}/committee/withdrawals`, { code: leaving, reason: '与申报人存在利害关系' }),
    );
    const lateRollCall = await post(`/rounds/${id}/attendance`, { present: members.slice(0, 25) });
    expect([withdrawn()?.status, ...codes(lateRollCall), lateRollCall.body.details?.codes]).toEqual([
      200,
      422,
      'NOT_A_COMMITTEE_MEMBER',
      [leaving],
    ]);
    const replacement = withdrawn()?.body.replacement.code as string;
    members[24] = replacement;
    const applications = (await api(t, 'GET', `/api/v1/evaluation/rounds/${id}/applications`, undefined, admin.token))
      .body as Array<{ id: number; name: string; eligible: boolean }>;
    expect(applications.map((a) => a.eligible)).toEqual(Array(8).fill(true));
    const ids = applications.map((a) => a.id);
    const tallies = ids.map((applicationId, i) => ({
      applicationId,
      ...(i === 1
        ? { yes: 11, no: 4, abstain: 2 }
        : i === 0
          ? { yes: 12, no: 3, abstain: 2 }
          : { yes: 15, no: 1, abstain: 1 }),
    }));
    expect((await post(`/rounds/${id}/attendance`, { present: members.slice(0, 16) })).body.attendance).toHaveLength(
      16,
    );
    const noQuorum = await post(`/rounds/${id}/tally`, { tallies });
    expect([...codes(noQuorum), noQuorum.body.details]).toEqual([
      422,
      'QUORUM_NOT_MET',
      { present: 16, needed: 17, committeeSize: 25 },
    ]);
    expect((await post(`/rounds/${id}/attendance`, { present: members.slice(0, 17) })).body.attendance).toHaveLength(
      17,
    );
    expect(
      codes(
        await post(`/rounds/${id}/tally`, { tallies: tallies.map((l, i) => (i === 2 ? { ...l, abstain: 2 } : l)) }),
      ),
    ).toEqual([422, 'TALLY_MISMATCH']);
    // A count that is no count at all is malformed, not a mismatch.
    for (const bad of [-1, 1.5, '3'])
      expect(
        codes(await post(`/rounds/${id}/tally`, { tallies: tallies.map((l, i) => (i === 2 ? { ...l, no: bad } : l)) })),
      ).toEqual([400, 'VALIDATION_FAILED']);
    expect(codes(await post(`/rounds/${id}/tally`, { tallies: tallies.slice(1) }))).toEqual([422, 'TALLY_INCOMPLETE']);
    // Attendance retaken while the ballots are counted is seen by the count: 16 present now, the
    // lines add up to 17.
    const retaken = meanwhile(t, () => post(`/rounds/${id}/attendance`, { present: members.slice(0, 16) }));
    const stale = await post(`/rounds/${id}/tally`, { tallies });
    expect([retaken()?.status, ...codes(stale)]).toEqual([200, 422, 'QUORUM_NOT_MET']);
    expect((await post(`/rounds/${id}/attendance`, { present: members.slice(0, 17) })).status).toBe(200);
    const counted = await post(`/rounds/${id}/tally`, { tallies });
    expect(counted.body).toEqual({ passed: ids.filter((_, i) => i !== 1), failed: [ids[1]] });
    expect(codes(await post(`/rounds/${id}/tally`, { tallies }))).toEqual([409, 'TALLY_ALREADY_RECORDED']);
    expect(codes(await post(`/rounds/${id}/attendance`, { present: members }))).toEqual([
      409,
      'TALLY_ALREADY_RECORDED',
    ]);
    expect(codes(await post(`/rounds/${id}/result-confirmation`, { presidingCode: plainMember }))).toEqual([
      422,
      'PRESIDING_MEMBER_INVALID',
    ]);
    expect((await post(`/rounds/${id}/result-confirmation`, { presidingCode: chair })).body.state).toBe('MEETING_HELD');

    // Publicity for 5 working days; an upheld objection withholds; publication after the period.
    await day('2026-12-21');
    expect(codes(await post(`/rounds/${id}/results-publicity`, { start: '2026-12-21', end: '2026-12-24' }))).toEqual([
      422,
      'PUBLICITY_TOO_SHORT',
    ]);
    expect((await post(`/rounds/${id}/results-publicity`, { start: '2026-12-21', end: '2026-12-25' })).body.state).toBe(
      'RESULTS_PUBLICISED',
    );
    await day('2026-12-22');
    // An objection answers the publicity: none is received before it began.
    const early = await post(`/rounds/${id}/objections`, {
      applicationId: ids[2],
      summary: '反映其业绩材料与事实不符。',
      receivedOn: '2026-12-18',
    });
    expect([early.status, early.body.code, early.body.details]).toEqual([
      400,
      'DATE_INVALID',
      { field: 'receivedOn', earliest: '2026-12-21' },
    ]);
    // A round that does not exist has no committee or objections to list: 404, not [].
    for (const path of [`/rounds/${id + 1000}/committee`, `/rounds/${id + 1000}/objections`])
      expect(codes(await api(t, 'GET', `/api/v1/evaluation${path}`, undefined, admin.token))).toEqual([
        404,
        'ROUND_NOT_FOUND',
      ]);
    expect(
      codes(
        await post(`/rounds/${id + 1000}/objections/1/resolution`, { outcome: 'dismissed', finding: '经核实不属实。' }),
      ),
    ).toEqual([404, 'ROUND_NOT_FOUND']);
    const upheld = await post(`/rounds/${id}/objections`, {
      applicationId: ids[2],
      summary: '反映其业绩材料与事实不符。',
      receivedOn: '2026-12-22',
    });
    const dismissed = await post(`/rounds/${id}/objections`, {
      applicationId: ids[3],
      summary: '反映其论文署名有误。',
      receivedOn: '2026-12-22',
    });
    expect([upheld.status, upheld.body.state]).toEqual([201, 'OPEN']);
    await day('2026-12-28');
    const publication = { jointDocument: '浙市监人〔2026〕50号', publishedOn: '2026-12-28' };
    expect(codes(await post(`/rounds/${id}/publication`, publication))).toEqual([409, 'OBJECTIONS_UNRESOLVED']);
    expect(
      (
        await post(`/rounds/${id}/objections/${upheld.body.id}/resolution`, {
          outcome: 'upheld',
          finding: '经核实，业绩材料不实。',
        })
      ).body.state,
    ).toBe('UPHELD');
    expect(
      (
        await post(`/rounds/${id}/objections/${dismissed.body.id}/resolution`, {
          outcome: 'dismissed',
          finding: '经核实，署名无误。',
        })
      ).body.state,
    ).toBe('DISMISSED');
    expect(
      codes(
        await post(`/rounds/${id}/objections/${dismissed.body.id}/resolution`, { outcome: 'upheld', finding: 'x' }),
      ),
    ).toEqual([409, 'OBJECTION_ALREADY_RESOLVED']);
    expect(codes(await post(`/rounds/${id}/publication`, { ...publication, publishedOn: '2026-12-25' }))).toEqual([
      422,
      'PUBLICITY_NOT_OVER',
    ]);
    expect(codes(await post(`/rounds/${id}/issuance`, undefined, issuer))).toEqual([409, 'ROUND_STEP_OUT_OF_ORDER']);
    // AMR proposes the joint publication; it is published when HRSS confirms.
    expect((await post(`/rounds/${id}/publication`, publication)).body).toMatchObject({
      state: 'RESULTS_PUBLICISED',
      publicationProposedBy: 'amr-office',
      publicationProposedAuthority: 'amr',
    });
    expect(codes(await post(`/rounds/${id}/issuance`, undefined, issuer))).toEqual([409, 'ROUND_STEP_OUT_OF_ORDER']);
    expect((await post(`/rounds/${id}/publication/confirmation`, undefined, hrss)).body).toMatchObject({
      state: 'PUBLISHED',
      jointDocument: '浙市监人〔2026〕50号',
      publishedOn: '2026-12-28',
    });

    // Issuance crashes after its first chunk of 3 certificates; the rerun completes it with
    // exactly one certificate each.
    const batches = t.app.get(CertificateBatchService);
    const issueMany = batches.issueMany.bind(batches);
    let calls = 0;
    const crash = jest
      .spyOn(batches, 'issueMany')
      .mockImplementation((requests, actor, withinWrite) =>
        ++calls > 1 ? Promise.reject(new Error('simulated crash')) : issueMany(requests, actor, withinWrite),
      );
    await expect(
      t.app.get(RoundIssuanceService).issueAll(id, cliActor(), { concurrency: 1, chunkSize: 3 }),
    ).rejects.toThrow('simulated crash');
    crash.mockRestore();
    const countRows = async () =>
      Number((await t.dataSource.query<Array<{ n: string | number }>>('SELECT COUNT(*) AS n FROM certificates'))[0].n);
    expect(await countRows()).toBe(3);
    expect((await post(`/rounds/${id}/issuance`, undefined, admin)).status).toBe(403);
    expect((await post(`/rounds/${id}/issuance`, undefined, issuer)).body).toEqual({
      total: 6,
      created: 3,
      existing: 3,
      conflicts: [],
      state: 'CERTIFICATES_ISSUED',
    });
    expect((await post(`/rounds/${id}/issuance`, undefined, issuer)).body).toEqual({
      total: 6,
      created: 0,
      existing: 6,
      conflicts: [],
      state: 'CERTIFICATES_ISSUED',
    });
    const perPerson = await t.dataSource.query<Array<{ id_number: string; n: string | number }>>(
      'SELECT id_number, COUNT(*) AS n FROM certificates GROUP BY id_number',
    );
    expect(perPerson.map((r) => Number(r.n))).toEqual(Array(6).fill(1));

    // The passed, not withheld applicants hold verifiable certificates citing the joint document.
    const outcome = (await api(t, 'GET', `/api/v1/evaluation/rounds/${id}/applications`, undefined, auditor.token))
      .body as Array<{ passed: boolean; withheld: boolean; certificateNo: string | null; tally: unknown }>;
    expect(outcome.map((a) => [a.passed, a.withheld, a.certificateNo !== null])).toEqual([
      [true, false, true],
      [false, false, false],
      [true, true, false],
      ...Array(5).fill([true, false, true]),
    ]);
    expect(outcome[0].tally).toEqual({ yes: 12, no: 3, abstain: 2, present: 17 });
    const certificate = await api(
      t,
      'GET',
      `/api/v1/certificates/${outcome[0].certificateNo}`,
      undefined,
      issuer.token,
    );
    expect(certificate.body).toMatchObject({
      holder: { name: '陈晓峰' },
      level: 'professor',
      specialty: 'metrology',
      passedOn: '2026-12-18',
      approvalDocument: '浙市监人〔2026〕50号',
    });
    const verified = await api(t, 'POST', '/api/v1/verifications', { credential: certificate.body.credential });
    expect(verified.body.verdict).toBe('VALID');

    // Every step is in the round's history and the audit log, whose chain is intact.
    const history = await t.dataSource.query<
      Array<{ state: string; actor: string; authority: string | null; initiated_by: string | null }>
    >(`SELECT state, actor, authority, initiated_by FROM evaluation_round_history WHERE round_id = ${id} ORDER BY id`);
    expect(history.map((h) => [h.state, h.actor, h.authority, h.initiated_by])).toEqual([
      ['OPEN', 'amr-office', 'amr', null],
      ['APPLICATIONS_CLOSED', 'amr-office', 'amr', null],
      ['ELIGIBILITY_CHECKED', 'amr-office', 'amr', null],
      ['PRE_EVALUATION_REPORTED', 'hrss-office', 'hrss', 'amr-office'],
      ['MEETING_HELD', 'amr-office', 'amr', null],
      ['RESULTS_PUBLICISED', 'amr-office', 'amr', null],
      ['PUBLISHED', 'hrss-office', 'hrss', 'amr-office'],
      ['CERTIFICATES_ISSUED', 'amr-issuer', 'amr', null],
    ]);
    const audit = (await api(t, 'GET', '/api/v1/audit/entries?limit=500', undefined, auditor.token)).body as Array<{
      action: string;
    }>;
    const evaluationActions = audit.map((e) => e.action).filter((a) => a.startsWith('evaluation.'));
    expect(evaluationActions).toEqual(
      expect.arrayContaining([
        'evaluation.pool.imported',
        'evaluation.draw.committed',
        'evaluation.draw.witnessed',
        'evaluation.draw.revealed',
        'evaluation.pre_evaluation_report.recorded',
        'evaluation.round.pre_evaluation_reported',
        'evaluation.meeting.attendance',
        'evaluation.meeting.tallied',
        'evaluation.objection.recorded',
        'evaluation.objection.resolved',
        'evaluation.publication.proposed',
        'evaluation.round.published',
        'evaluation.round.certificates_issued',
      ]),
    );
    expect(audit.filter((e) => e.action === 'certificate.issued')).toHaveLength(6);
    expect((await api(t, 'GET', '/api/v1/audit/verification', undefined, auditor.token)).body.ok).toBe(true);
  });
});
