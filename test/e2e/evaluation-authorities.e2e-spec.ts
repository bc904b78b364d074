import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliActor } from '../../src/audit/audit.service';
import { PublicityService } from '../../src/evaluation/publicity.service';
import { RoundsService } from '../../src/evaluation/rounds.service';
import { chinaMorning, signIn } from '../support/evaluation-round';
import { api, ApiResponse, officer, Officer, startTestApp, TestApp } from '../support/test-app';

const FIXTURES = join(__dirname, '../fixtures/evaluation');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const codes = (r: ApiResponse) => [r.status, r.body.code];
const CSV = { 'content-type': 'text/csv; charset=utf-8' };
const PUBLICATION = { jointDocument: '浙市监人〔2026〕50号', publishedOn: '2026-12-28' };

describe('who records each step of a round: AMR runs it, HRSS approves, both publish (e2e)', () => {
  let t: TestApp;
  let amr: Officer;
  let amr2: Officer;
  let hrss: Officer;
  let hrss2: Officer;

  beforeAll(async () => {
    t = await startTestApp({ now: chinaMorning('2026-11-02') });
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    t.clock.set(chinaMorning('2026-11-02'));
    await t.reset();
    amr = await officer(t, 'amr-office', 'amr', ['admin']);
    amr2 = await officer(t, 'amr-director', 'amr', ['admin']);
    hrss = await officer(t, 'hrss-office', 'hrss', ['admin']);
    hrss2 = await officer(t, 'hrss-director', 'hrss', ['admin']);
  });

  async function day(date: string): Promise<void> {
    t.clock.set(chinaMorning(date));
    [amr, amr2, hrss, hrss2] = await Promise.all([amr, amr2, hrss, hrss2].map((o) => signIn(t, o)));
  }
  const post = (path: string, body: unknown, by: Officer, headers: Record<string, string> = {}) =>
    api(t, 'POST', `/api/v1/evaluation${path}`, body, by.token, headers);
  /** The same step by HRSS (refused, naming the step and AMR), then by AMR (done). */
  async function amrOnly(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse> {
    const refused = await post(path, body, hrss, headers);
    expect([...codes(refused), refused.body.details?.required]).toEqual([403, 'STEP_REQUIRES_AMR', 'amr']);
    expect(refused.body.message).toContain('hrss-office is an officer of hrss');
    const done = await post(path, body, amr, headers);
    if (done.status >= 300) throw new Error(`${path}: ${done.status} ${JSON.stringify(done.body)}`);
    return done;
  }

  /** Runs a professor round to RESULTS_PUBLICISED, each AMR step first refused to an HRSS admin. */
  async function publicisedRound(): Promise<number> {
    await amrOnly('/pools/professor/import?reviewedOn=2026-06-30', fixture('pool-professor.csv'), CSV);
    const id = (await amrOnly('/rounds', { level: 'professor', year: 2026, meetingDate: '2026-12-18' })).body
      .id as number;
    await amrOnly(`/rounds/${id}/applications/import`, fixture('applications-professor.csv'), CSV);
    await amrOnly(`/rounds/${id}/applications-closure`);
    await day('2026-12-01');
    await amrOnly(`/rounds/${id}/eligibility-check`);
    const seed = randomBytes(32).toString('hex');
    const commitment = createHash('sha256').update(seed).digest('hex');
    await amrOnly(`/rounds/${id}/draw-commitment`, { commitment, committeeSize: 25, viceChairs: 2 });
    const witness = { value: '2026138', source: '中国福利彩票 双色球 2026138期', publishedOn: '2026-12-01' };
    await post(`/rounds/${id}/draw-witness`, witness, amr);
    const members = ((await amrOnly(`/rounds/${id}/draw`, { seed })).body as Array<{ code: string }>).map(
      (m) => m.code,
    );
    await day('2026-12-08');
    await amrOnly(`/rounds/${id}/pre-evaluation-report`, { reportedOn: '2026-12-04' });
    const approval = { approvalDocument: '浙人社〔2026〕88号', approvedOn: '2026-12-08' };
    const byAmr = await post(`/rounds/${id}/hrss-approval`, approval, amr);
    expect([...codes(byAmr), byAmr.body.details.required]).toEqual([403, 'STEP_REQUIRES_HRSS', 'hrss']);
    expect((await post(`/rounds/${id}/hrss-approval`, approval, hrss)).body.state).toBe('PRE_EVALUATION_REPORTED');
    await day('2026-12-18');
    await amrOnly(`/rounds/${id}/attendance`, { present: members.slice(0, 17) });
    const applications = (await api(t, 'GET', `/api/v1/evaluation/rounds/${id}/applications`, undefined, amr.token))
      .body as Array<{ id: number }>;
    const tallies = applications.map((a) => ({ applicationId: a.id, yes: 15, no: 1, abstain: 1 }));
    await amrOnly(`/rounds/${id}/tally`, { tallies });
    await amrOnly(`/rounds/${id}/result-confirmation`, { presidingCode: members[0] });
    await day('2026-12-21');
    await amrOnly(`/rounds/${id}/results-publicity`, { start: '2026-12-21', end: '2026-12-25' });
    const objection = { applicationId: applications[0].id, summary: '反映其论文署名有误。', receivedOn: '2026-12-21' };
    const recorded = await amrOnly(`/rounds/${id}/objections`, objection);
    await amrOnly(`/rounds/${id}/objections/${recorded.body.id}/resolution`, {
      outcome: 'dismissed',
      finding: '无误。',
    });
    await day('2026-12-28');
    return id;
  }

  it('refuses every AMR step to HRSS and the approval to AMR; the publication needs both, and then issues', async () => {
    const id = await publicisedRound();

    // AMR proposes; another AMR admin cannot confirm; HRSS rejects with a reason; HRSS proposes, AMR confirms.
    expect((await post(`/rounds/${id}/publication`, PUBLICATION, amr)).body).toMatchObject({
      state: 'RESULTS_PUBLICISED',
      publicationProposedBy: 'amr-office',
      publicationProposedAuthority: 'amr',
    });
    expect(codes(await post(`/rounds/${id}/publication`, PUBLICATION, hrss))).toEqual([
      409,
      'PUBLICATION_ALREADY_PROPOSED',
    ]);
    const sameAuthority = await post(`/rounds/${id}/publication/confirmation`, undefined, amr2);
    expect(codes(sameAuthority)).toEqual([403, 'PUBLICATION_CONFIRMATION_BY_SAME_AUTHORITY']);
    const rejected = await post(`/rounds/${id}/publication/rejection`, { reason: '文号有误，请更正。' }, hrss);
    expect(rejected.body).toMatchObject({
      state: 'RESULTS_PUBLICISED',
      publicationProposedBy: null,
      jointDocument: null,
    });
    // The round forgets the proposal; its detail names the rejection so the proposer learns why.
    const detail = await api(t, 'GET', `/api/v1/evaluation/rounds/${id}`, undefined, amr.token);
    expect(detail.body.publicationRejection).toMatchObject({
      jointDocument: PUBLICATION.jointDocument,
      reason: '文号有误，请更正。',
      rejectedBy: hrss.username,
      rejectedAuthority: 'hrss',
    });
    expect(codes(await post(`/rounds/${id}/publication/confirmation`, undefined, amr))).toEqual([
      409,
      'PUBLICATION_NOT_PROPOSED',
    ]);
    expect((await post(`/rounds/${id}/publication`, PUBLICATION, hrss)).body.publicationProposedAuthority).toBe('hrss');
    expect(codes(await post(`/rounds/${id}/publication/confirmation`, undefined, hrss2))).toEqual([
      403,
      'PUBLICATION_CONFIRMATION_BY_SAME_AUTHORITY',
    ]);
    expect((await post(`/rounds/${id}/publication/confirmation`, undefined, amr)).body).toMatchObject({
      state: 'PUBLISHED',
      jointDocument: '浙市监人〔2026〕50号',
      publishedOn: '2026-12-28',
    });

    // Issuance stays with the issuer role, of either authority.
    const issuer = await officer(t, 'hrss-issuer', 'hrss', ['issuer']);
    expect((await post(`/rounds/${id}/issuance`, undefined, issuer)).body).toMatchObject({
      total: 8,
      state: 'CERTIFICATES_ISSUED',
    });

    // Both officers of the publication are in the round's history and the audit log.
    const [published] = await t.dataSource.query<Array<{ actor: string; authority: string; initiated_by: string }>>(
      `SELECT actor, authority, initiated_by FROM evaluation_round_history WHERE round_id = ${id} AND state = 'PUBLISHED'`,
    );
    expect(published).toEqual({ actor: 'amr-office', authority: 'amr', initiated_by: 'hrss-office' });
    const auditor = await officer(t, 'hrss-auditor', 'hrss', ['auditor']);
    const audit = (await api(t, 'GET', '/api/v1/audit/entries?limit=500', undefined, auditor.token)).body as Array<{
      action: string;
      actor: string;
      authority: string;
      details: string;
    }>;
    const publication = audit
      .filter((e) => e.action.startsWith('evaluation.publication.') || e.action === 'evaluation.round.published')
      .map((e) => [e.action, e.actor, e.authority]);
    expect(publication).toEqual([
      ['evaluation.publication.proposed', 'amr-office', 'amr'],
      ['evaluation.publication.rejected', 'hrss-office', 'hrss'],
      ['evaluation.publication.proposed', 'hrss-office', 'hrss'],
      ['evaluation.round.published', 'amr-office', 'amr'],
    ]);
    expect(audit.find((e) => e.action === 'evaluation.publication.rejected')?.details).toContain('文号有误');
  });

  it('a round run by one authority alone never reaches PUBLISHED', async () => {
    // AMR alone: its report waits for HRSS's approval, and the committee cannot meet without it.
    const id = (await post('/rounds', { level: 'professor', year: 2026, meetingDate: '2026-12-18' }, amr)).body
      .id as number;
    await t.dataSource.query(
      `UPDATE evaluation_rounds SET state = 'ELIGIBILITY_CHECKED', drawn_at = '2026-11-02T02:00:00.000Z' WHERE id = ${id}`,
    );
    expect((await post(`/rounds/${id}/pre-evaluation-report`, { reportedOn: '2026-11-02' }, amr)).status).toBe(200);
    const approval = { approvalDocument: '浙人社〔2026〕88号', approvedOn: '2026-11-02' };
    expect(codes(await post(`/rounds/${id}/hrss-approval`, approval, amr2))).toEqual([403, 'STEP_REQUIRES_HRSS']);
    expect(codes(await post(`/rounds/${id}/attendance`, { present: ['Z003'] }, amr))).toEqual([
      409,
      'ROUND_STEP_OUT_OF_ORDER',
    ]);

    // At the publication (the steps between are refused to HRSS in the test above), each
    // authority alone: neither of its admins can confirm its own proposal.
    await t.dataSource.query(
      `UPDATE evaluation_rounds SET state = 'RESULTS_PUBLICISED', publicity_start = '2026-12-21', publicity_end = '2026-12-25' WHERE id = ${id}`,
    );
    await day('2026-12-28');
    for (const [proposer, colleague] of [
      [amr, amr2],
      [hrss, hrss2],
    ]) {
      expect((await post(`/rounds/${id}/publication`, PUBLICATION, proposer)).status).toBe(200);
      for (const by of [proposer, colleague])
        expect(codes(await post(`/rounds/${id}/publication/confirmation`, undefined, by))).toEqual([
          403,
          'PUBLICATION_CONFIRMATION_BY_SAME_AUTHORITY',
        ]);
      expect((await post(`/rounds/${id}/publication/rejection`, { reason: '撤回。' }, proposer)).status).toBe(200);
    }
    const round = await api(t, 'GET', `/api/v1/evaluation/rounds/${id}`, undefined, amr.token);
    expect([round.body.state, round.body.publishedOn]).toEqual(['RESULTS_PUBLICISED', null]);
  });

  it('refuses an actor acting for no authority (an office command run without signing in) in the services', async () => {
    const rounds = t.app.get(RoundsService);
    await expect(
      rounds.create({ level: 'professor', year: 2026, meetingDate: '2026-12-18' }, cliActor()),
    ).rejects.toThrow(
      expect.objectContaining({ code: 'STEP_REQUIRES_AMR', message: expect.stringContaining('acts for no authority') }),
    );
    const id = (await post('/rounds', { level: 'professor', year: 2026, meetingDate: '2026-12-18' }, amr)).body
      .id as number;
    await expect(t.app.get(PublicityService).confirmPublication(id, cliActor())).rejects.toThrow(
      expect.objectContaining({ code: 'STEP_REQUIRES_AUTHORITY' }),
    );
    await expect(
      rounds.approvePreEvaluation(id, { approvalDocument: '浙人社〔2026〕88号', approvedOn: '2026-11-02' }, cliActor()),
    ).rejects.toThrow(expect.objectContaining({ code: 'STEP_REQUIRES_HRSS' }));
  });
});
