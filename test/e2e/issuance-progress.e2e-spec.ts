import { CertificateBatchService } from '../../src/certificates/certificate-batch.service';
import { RoundIssuanceService } from '../../src/evaluation/round-issuance.service';
import { applicantCertificateRequest, chinaMorning, publishedProfessorRound } from '../support/evaluation-round';
import { api, officer, startTestApp, TestApp } from '../support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The console polls a round's issuance while the POST that started it still runs. */
describe('issuance progress of a round (e2e)', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp({ now: chinaMorning('2026-11-02') });
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  /** Round runs issue in chunks of 2 (8 would fit in one), so a run can be seen or stopped part-way. */
  function inChunksOfTwo(): void {
    const issuance = t.app.get(RoundIssuanceService);
    const realIssueAll = issuance.issueAll.bind(issuance);
    jest
      .spyOn(issuance, 'issueAll')
      .mockImplementation((round, actor, options) => realIssueAll(round, actor, { ...options, chunkSize: 2 }));
  }

  it('reports live counts during a run and the database’s counts afterwards', async () => {
    const id = await publishedProfessorRound(
      t,
      await officer(t, 'amr-office', 'amr', ['admin']),
      await officer(t, 'hrss-office', 'hrss', ['admin']),
    );
    const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    const auditor = await officer(t, 'hrss-auditor', 'hrss', ['auditor']);
    const progress = async () => {
      const reply = await api(t, 'GET', `/api/v1/evaluation/rounds/${id}/issuance`, undefined, auditor.token);
      expect(reply.status).toBe(200);
      return reply.body as { state: string; total: number; done: number; running: boolean };
    };
    expect(await progress()).toEqual({
      state: 'PUBLISHED',
      total: 8,
      done: 0,
      created: 0,
      existing: 0,
      conflicts: [],
      running: false,
    });

    // The run issues in chunks (8 fit in one): chunks of 2 here, released one by one, so the
    // run is seen part-way.
    inChunksOfTwo();
    const batches = t.app.get(CertificateBatchService);
    const realIssue = batches.issueMany.bind(batches);
    let calls = 0;
    let released = 0;
    jest.spyOn(batches, 'issueMany').mockImplementation(async (requests, actor, withinWrite) => {
      const turn = calls++;
      while (released <= turn) await sleep(5);
      return realIssue(requests, actor, withinWrite);
    });
    const post = api(t, 'POST', `/api/v1/evaluation/rounds/${id}/issuance`, undefined, issuer.token);

    const seen: Array<{ done: number; running: boolean }> = [];
    for (let polls = 0; polls < 400; polls++) {
      const now = await progress();
      seen.push({ done: now.done, running: now.running });
      if (!now.running && now.state === 'CERTIFICATES_ISSUED') break;
      released += 1;
      await sleep(10);
    }
    const finished = await post;
    expect([finished.status, finished.body]).toEqual([
      200,
      { total: 8, created: 8, existing: 0, conflicts: [], state: 'CERTIFICATES_ISSUED' },
    ]);
    expect(seen.some((s) => s.running && s.done > 0 && s.done < 8)).toBe(true);
    expect(seen.filter((s) => s.running).every((s, i, all) => i === 0 || s.done >= all[i - 1].done)).toBe(true);
    // After the run (or a reload, a restart): the counts come from the database.
    expect(await progress()).toEqual({
      state: 'CERTIFICATES_ISSUED',
      total: 8,
      done: 8,
      created: 0,
      existing: 8,
      conflicts: [],
      running: false,
    });
  });

  it('answers 404 for an unknown round and 403 for an officer without a reading role', async () => {
    const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    const revoker = await officer(t, 'amr-revoker', 'amr', ['revoker']);
    const get = (path: string, token: string) => api(t, 'GET', path, undefined, token);
    const unknown = await get('/api/v1/evaluation/rounds/999/issuance', issuer.token);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'ROUND_NOT_FOUND']);
    const forbidden = await get('/api/v1/evaluation/rounds/999/issuance', revoker.token);
    expect([forbidden.status, forbidden.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
  });

  it('issues everyone else when a candidate already holds a certificate of the level and year with other details, and names them', async () => {
    const id = await publishedProfessorRound(
      t,
      await officer(t, 'amr-office', 'amr', ['admin']),
      await officer(t, 'hrss-office', 'hrss', ['admin']),
    );
    const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    // 林雪 was issued a professor 2026 certificate directly, under another approval.
    const direct = await api(t, 'POST', '/api/v1/certificates', applicantCertificateRequest('林雪'), issuer.token);
    expect(direct.status).toBe(201);
    const applications = (await api(t, 'GET', `/api/v1/evaluation/rounds/${id}/applications`, undefined, issuer.token))
      .body as Array<{ id: number; name: string }>;
    const lin = applications.find((a) => a.name === '林雪')!.id;
    const conflicts = [
      { applicationId: lin, name: '林雪', certificateNo: direct.body.certificateNo, code: 'CERTIFICATE_CONFLICT' },
    ];

    const issued = await api(t, 'POST', `/api/v1/evaluation/rounds/${id}/issuance`, undefined, issuer.token);
    expect([issued.status, issued.body]).toEqual([
      200,
      { total: 8, created: 7, existing: 0, conflicts, state: 'CERTIFICATES_ISSUED' },
    ]);
    const after = await api(t, 'GET', `/api/v1/evaluation/rounds/${id}/issuance`, undefined, issuer.token);
    expect(after.body).toEqual({
      state: 'CERTIFICATES_ISSUED',
      total: 8,
      done: 7,
      created: 0,
      existing: 7,
      conflicts,
      running: false,
    });
    // A rerun changes nothing and names them again.
    const again = await api(t, 'POST', `/api/v1/evaluation/rounds/${id}/issuance`, undefined, issuer.token);
    expect(again.body).toEqual({ total: 8, created: 0, existing: 7, conflicts, state: 'CERTIFICATES_ISSUED' });
    // Once the certificate held could be returned (its details corrected to the round's), it is no
    // longer named: a rerun links it.
    await t.adminQuery(
      `UPDATE certificates SET passed_on = '2026-12-18', approval_document = '浙市监人〔2026〕50号' WHERE certificate_no = '${direct.body.certificateNo as string}'`,
    );
    const settled = await api(t, 'GET', `/api/v1/evaluation/rounds/${id}/issuance`, undefined, issuer.token);
    expect(settled.body.conflicts).toEqual([]);
    const linked = await api(t, 'POST', `/api/v1/evaluation/rounds/${id}/issuance`, undefined, issuer.token);
    expect(linked.body).toEqual({ total: 8, created: 0, existing: 8, conflicts: [], state: 'CERTIFICATES_ISSUED' });
  });

  it('stops a run whose officer is disabled meanwhile; an active issuer finishes it', async () => {
    const admin = await officer(t, 'amr-office', 'amr', ['admin']);
    const id = await publishedProfessorRound(t, admin, await officer(t, 'hrss-office', 'hrss', ['admin']));
    const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    const other = await officer(t, 'amr-issuer2', 'amr', ['issuer']);
    inChunksOfTwo();
    // The first chunk is held until the issuer is disabled.
    const batches = t.app.get(CertificateBatchService);
    const realIssue = batches.issueMany.bind(batches);
    let disabled = false;
    jest.spyOn(batches, 'issueMany').mockImplementation(async (requests, actor, withinWrite) => {
      while (!disabled) await sleep(5);
      return realIssue(requests, actor, withinWrite);
    });
    const run = api(t, 'POST', `/api/v1/evaluation/rounds/${id}/issuance`, undefined, issuer.token);
    await sleep(50);
    const signedIn = await api(t, 'POST', '/api/v1/auth/token', { username: admin.username, password: admin.password });
    const patched = await api(t, 'PATCH', '/api/v1/officers/amr-issuer', { disabled: true }, signedIn.body.accessToken);
    expect(patched.status).toBe(200);
    disabled = true;
    const stopped = await run;
    expect([stopped.status, stopped.body.code, stopped.body.message]).toEqual([
      401,
      'AUTH_TOKEN_INVALID',
      expect.stringMatching(/^amr-issuer was disabled during the run: it stopped after [24] of 8 certificates/),
    ]);
    // The chunks already under way (two workers, 2 each) were written; no later one was.
    const done = Number(/after (\d) of/.exec(stopped.body.message as string)?.[1]);
    jest.restoreAllMocks();
    const finished = await api(t, 'POST', `/api/v1/evaluation/rounds/${id}/issuance`, undefined, other.token);
    expect(finished.body).toEqual({
      total: 8,
      created: 8 - done,
      existing: done,
      conflicts: [],
      state: 'CERTIFICATES_ISSUED',
    });
  });
});
