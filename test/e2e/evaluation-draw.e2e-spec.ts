import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SPECIALTIES_BY_LEVEL, type Specialty } from '../../src/common/qualifications';
import { drawCommittee, drawKey, DrawnMember, PoolSnapshot, rankOf } from '../../src/evaluation/committee-draw';
import { allocateSeats } from '../../src/evaluation/committee-rules';
import { verifyDraw } from '../../src/evaluation/draw-verification';
import { toDrawRecord } from '../../src/evaluation/draws.service';
import { makeIdNumber } from '../support/builders';
import { runCli } from '../support/office-cli';
import { api, ApiResponse, officer, Officer, startTestApp, TestApp } from '../support/test-app';

const at = (date: string) => new Date(`${date}T02:00:00Z`); // 10:00 in China
const codes = (r: ApiResponse) => [r.status, r.body.code];
const SEED = '5e1d0c9b8a7f6e5d4c3b2a19081726354453627180a9b8c7d6e5f40312233445';
const COMMITMENT = createHash('sha256').update(SEED).digest('hex');
const WITNESS = {
  value: '03 09 14 21 27 33 + 08',
  source: '中国福利彩票 双色球 2026138期 开奖号码',
  publishedOn: '2026-12-01',
};
const PROFESSOR = SPECIALTIES_BY_LEVEL.professor;
const CHINESE: Record<Specialty, string> = {
  quality: '质量',
  metrology: '计量',
  standardization: '标准化',
  'special-equipment': '特种设备',
};

/** 80 experts D001–D080, specialties in turn, each its own employer; every fifth a chair, every third a vice-chair candidate. */
const EXPERTS = Array.from({ length: 80 }, (_, i) => ({
  code: `D${String(i + 1).padStart(3, '0')}`,
  specialty: PROFESSOR[i % 4],
  chair: i % 5 === 0,
  viceChair: i % 3 === 0,
  affiliation: `第${i + 1}研究所`,
}));
const SNAPSHOT: PoolSnapshot = { level: 'professor', asOf: '2026-12-01', members: EXPERTS };

function poolCsv(affiliations: Record<string, string> = {}): string {
  const rows = EXPERTS.map(
    (e, i) =>
      `${e.code},专家${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${i},${affiliations[e.code] ?? e.affiliation},内部,${CHINESE[e.specialty]},正高,2010-01-01,否,${e.chair ? '是' : '否'},${e.viceChair ? '是' : '否'}`,
  );
  return ['编号,姓名,工作单位,单位类型,专业,职称,取得职称日期,业绩突出,主任委员库,副主任委员库', ...rows].join('\n');
}

describe('the committee draw: seats where applicants are, a public witness, withdrawals (回避) (e2e)', () => {
  let t: TestApp;
  let amr: Officer;
  let hrss: Officer;
  const work = mkdtempSync(join(tmpdir(), 'zjzc-draw-'));

  beforeAll(async () => {
    t = await startTestApp({ now: at('2026-11-02') });
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    t.clock.set(at('2026-11-02'));
    await t.reset();
    amr = await officer(t, 'amr-office', 'amr', ['admin']);
    hrss = await officer(t, 'hrss-office', 'hrss', ['admin']);
  });

  const post = (path: string, body?: unknown, by = amr) => api(t, 'POST', `/api/v1/evaluation${path}`, body, by.token);
  const get = (path: string, by?: Officer) => api(t, 'GET', `/api/v1/evaluation${path}`, undefined, by?.token);
  async function day(date: string): Promise<void> {
    t.clock.set(at(date));
    const login = async (o: Officer) => ({
      ...o,
      token: (await api(t, 'POST', '/api/v1/auth/token', { username: o.username, password: o.password })).body
        .accessToken as string,
    });
    [amr, hrss] = await Promise.all([amr, hrss].map(login));
  }
  /** A professor round with one applicant per entry (specialty, employer), checked on 1 December. */
  async function checkedRound(applicants: Array<[Specialty, string]>, pool = poolCsv()): Promise<number> {
    const imported = await api(t, 'POST', '/api/v1/evaluation/pools/professor/import', pool, amr.token, {
      'content-type': 'text/csv; charset=utf-8',
    });
    expect(imported.status).toBe(200);
    const id = (await post('/rounds', { level: 'professor', year: 2026, meetingDate: '2026-12-18' })).body.id as number;
    for (const [i, [specialty, employer]] of applicants.entries()) {
      const filed = await post(`/rounds/${id}/applications`, {
        name: `申报人${'甲乙丙丁戊己庚辛'[i]}`,
        idNumber: makeIdNumber('1980-05-05', 11 + i),
        employer,
        specialty,
        channel: 'landmark',
        quantitativeScore: null,
        pledge: true,
        employerPublicityStart: '2026-10-12',
        employerPublicityEnd: '2026-10-16',
        departmentReviewed: true,
        intermediateRecommended: false,
      });
      expect(filed.status).toBe(201);
    }
    await post(`/rounds/${id}/applications-closure`);
    await day('2026-12-01');
    expect((await post(`/rounds/${id}/eligibility-check`)).body.state).toBe('ELIGIBILITY_CHECKED');
    return id;
  }
  const commit = (id: number, committeeSize = 25) =>
    post(`/rounds/${id}/draw-commitment`, { commitment: COMMITMENT, committeeSize, viceChairs: 2 });

  it('gives seats only to specialties with eligible applicants', async () => {
    const id = await checkedRound([
      ['quality', '杭州市质量技术监督检测院'],
      ['quality', '温州市质量技术检测科学研究院'],
      ['metrology', '宁波市计量测试研究院'],
    ]);
    expect((await commit(id)).status).toBe(200);
    expect((await get(`/rounds/${id}/draw`)).body.seatPlan).toEqual({
      committeeSize: 25,
      viceChairs: 2,
      seats: { quality: 17, metrology: 8 },
    });
    await post(`/rounds/${id}/draw-witness`, WITNESS);
    const drawn = (await post(`/rounds/${id}/draw`, { seed: SEED })).body as DrawnMember[];
    expect(drawn).toHaveLength(25);
    expect(new Set(drawn.map((m) => m.specialty))).toEqual(new Set(['quality', 'metrology']));
  });

  it('keys the draw with a public witness published after the commitment; the record verifies only with it', async () => {
    const id = await checkedRound(PROFESSOR.map((s) => [s, '杭州市标准化研究院']));
    expect(codes(await post(`/rounds/${id}/draw-witness`, WITNESS))).toEqual([409, 'DRAW_NOT_COMMITTED']);
    expect((await commit(id)).status).toBe(200);
    expect(codes(await post(`/rounds/${id}/draw`, { seed: SEED }))).toEqual([409, 'DRAW_WITNESS_MISSING']);
    const early = await post(`/rounds/${id}/draw-witness`, { ...WITNESS, publishedOn: '2026-11-30' });
    expect([...codes(early), early.body.details]).toEqual([
      422,
      'DRAW_WITNESS_BEFORE_COMMITMENT',
      { publishedOn: '2026-11-30', committedOn: '2026-12-01' },
    ]);
    expect(codes(await post(`/rounds/${id}/draw-witness`, { ...WITNESS, publishedOn: '2026-12-02' }))).toEqual([
      400,
      'DATE_IN_FUTURE',
    ]);
    expect(codes(await post(`/rounds/${id}/draw-witness`, { ...WITNESS, value: '' }))).toEqual([
      400,
      'DRAW_WITNESS_INVALID',
    ]);
    // Either authority may record it (here HRSS, which supervises the draw); once.
    expect((await post(`/rounds/${id}/draw-witness`, WITNESS, hrss)).status).toBe(200);
    expect(codes(await post(`/rounds/${id}/draw-witness`, { ...WITNESS, value: '1' }))).toEqual([
      409,
      'DRAW_WITNESS_ALREADY_RECORDED',
    ]);
    const drawn = (await post(`/rounds/${id}/draw`, { seed: SEED })).body as DrawnMember[];

    const record = (await get(`/rounds/${id}/draw`)).body;
    expect(record.witness).toMatchObject({ value: WITNESS.value, source: WITNESS.source, publishedOn: '2026-12-01' });
    expect(verifyDraw(toDrawRecord(record)).matches).toBe(true);
    const otherWitness = { value: '03 09 14 21 27 33 + 09' };
    expect(verifyDraw(toDrawRecord({ ...record, witness: otherWitness }))).toMatchObject({
      commitmentMatches: true,
      committeeMatches: false,
      matches: false,
    });
    // Another witness, the same seed: another committee; without the witness, another again.
    const plan = record.seatPlan as never;
    const codesOf = (members: DrawnMember[]) => members.map((m) => m.code);
    expect(codesOf(drawCommittee(drawKey(SEED, WITNESS.value), SNAPSHOT, plan))).toEqual(codesOf(drawn));
    expect(codesOf(drawCommittee(drawKey(SEED, otherWitness.value), SNAPSHOT, plan))).not.toEqual(codesOf(drawn));
    expect(codesOf(drawCommittee(drawKey(SEED, null), SNAPSHOT, plan))).not.toEqual(codesOf(drawn));
  });

  it('a seed that can never seat the committee voids its commitment (recorded), so the round can be drawn again', async () => {
    // Every metrology vice-chair candidate works for the metrology applicant's employer: a draw
    // that makes one of them vice-chair has no one of metrology to replace them.
    const plan = { committeeSize: 25, viceChairs: 2, seats: { quality: 17, metrology: 8 } };
    const drawsMetrologyViceChair = (witness: string) =>
      drawCommittee(drawKey(SEED, witness), SNAPSHOT, plan).some(
        (m) => m.role === 'vice-chair' && m.specialty === 'metrology',
      );
    const witnesses = Array.from({ length: 200 }, (_, i) => `2026${String(i).padStart(3, '0')}`);
    const failing = witnesses.find(drawsMetrologyViceChair)!;
    const drawable = witnesses.find((w) => !drawsMetrologyViceChair(w))!;
    const metrologyViceChairs = EXPERTS.filter((e) => e.specialty === 'metrology' && e.viceChair).map((e) => e.code);
    const id = await checkedRound(
      [
        ['quality', '杭州市质量技术监督检测院'],
        ['quality', '温州市质量技术检测科学研究院'],
        ['metrology', '宁波市计量测试研究院'],
      ],
      poolCsv(Object.fromEntries(metrologyViceChairs.map((code) => [code, '宁波市计量测试研究院']))),
    );
    expect((await commit(id)).status).toBe(200);
    await post(`/rounds/${id}/draw-witness`, { ...WITNESS, value: failing });
    const failed = await post(`/rounds/${id}/draw`, { seed: SEED });
    expect([failed.status, failed.body.code, failed.body.details]).toEqual([
      422,
      'POOL_SPECIALTY_SHORT',
      expect.objectContaining({ specialty: 'metrology', role: 'vice-chair', commitmentCleared: true }),
    ]);
    expect(codes(await get(`/rounds/${id}/draw`, amr))).toEqual([409, 'DRAW_NOT_COMMITTED']);
    const auditor = await officer(t, 'hrss-auditor', 'hrss', ['auditor']);
    const audit = (await api(t, 'GET', '/api/v1/audit/entries?limit=100', undefined, auditor.token)).body as Array<{
      action: string;
      details: string;
    }>;
    expect(JSON.parse(audit.find((e) => e.action === 'evaluation.draw.failed')!.details)).toMatchObject({
      seed: SEED,
      witness: failing,
      commitment: COMMITMENT,
    });

    // Committed again, with a new witness, the round is drawn.
    expect((await commit(id)).status).toBe(200);
    expect((await post(`/rounds/${id}/draw-witness`, { ...WITNESS, value: drawable })).status).toBe(200);
    const drawn = await post(`/rounds/${id}/draw`, { seed: SEED });
    expect([drawn.status, (drawn.body as DrawnMember[]).length]).toEqual([200, 25]);
  });

  it('withdraws drawn members sharing an applicant’s employer and declared conflicts, replaced from the same ranking', async () => {
    const employers: Record<Specialty, string> = {
      quality: '杭州市质量技术监督检测院',
      metrology: '宁波市计量测试研究院',
      standardization: '嘉兴市标准化研究院',
      'special-equipment': '杭州市特种设备检测研究院',
    };
    // Predict the draw (the snapshot does not depend on employers), then give the chair-to-be,
    // four members of its specialty and the next in that specialty's ranking the employer of
    // that specialty's applicant; a member of another specialty gets it too, and stays.
    const key = drawKey(SEED, WITNESS.value);
    const plan = {
      committeeSize: 31,
      viceChairs: 2,
      seats: allocateSeats(31, PROFESSOR, Object.fromEntries(PROFESSOR.map((s) => [s, 1]))),
    };
    const predicted = drawCommittee(key, SNAPSHOT, plan);
    const chair = predicted[0];
    const members = predicted.filter((m) => m.role === 'member' && m.specialty === chair.specialty).slice(0, 4);
    const [next] = EXPERTS.filter((e) => e.specialty === chair.specialty && !predicted.some((m) => m.code === e.code))
      .map((e) => ({ code: e.code, rank: rankOf(key, 'member', e.code) }))
      .sort((a, b) => (a.rank < b.rank ? -1 : 1));
    const outsider = predicted.find((m) => m.role === 'member' && m.specialty !== chair.specialty)!;
    const employer = employers[chair.specialty];
    const conflicted = [chair, ...members, next].map((m) => m.code);
    const pool = poolCsv(Object.fromEntries([...conflicted, outsider.code].map((code) => [code, employer])));
    const id = await checkedRound(
      PROFESSOR.map((s) => [s, employers[s]]),
      pool,
    );
    expect((await commit(id, 31)).status).toBe(200);
    await post(`/rounds/${id}/draw-witness`, WITNESS, hrss);
    const sitting = (await post(`/rounds/${id}/draw`, { seed: SEED })).body as Array<
      DrawnMember & { affiliation: string }
    >;

    expect(sitting).toHaveLength(31);
    expect(sitting.filter((m) => conflicted.includes(m.code))).toEqual([]);
    expect(sitting.filter((m) => m.specialty === chair.specialty)).toHaveLength(plan.seats[chair.specialty]);
    expect(sitting[0]).toMatchObject({ role: 'chair', specialty: chair.specialty });
    expect(sitting.map((m) => m.code)).toContain(outsider.code);
    const committee = (await get(`/rounds/${id}/committee`, amr)).body as DrawnMember[];
    expect(committee.map((m) => m.code)).toEqual(sitting.map((m) => m.code));

    const record = (await get(`/rounds/${id}/draw`)).body;
    expect(record.committee.map((m: DrawnMember) => m.code)).toEqual(predicted.map((m) => m.code));
    expect(record.withdrawals).toEqual(
      [chair, ...members].map((m) => ({
        code: m.code,
        specialty: chair.specialty,
        role: m.role,
        reason: 'same-employer',
        applicant: `申报人${'甲乙丙丁'[PROFESSOR.indexOf(chair.specialty)]}`,
        employer,
        // The replacement sits in the seat of the member it replaces.
        replacedBy: sitting[predicted.indexOf(m)].code,
        recordedAt: expect.any(String) as string,
      })),
    );
    expect(record.withdrawals.map((w: { replacedBy: string }) => w.replacedBy)).not.toContain(next.code);
    expect(JSON.stringify(record)).not.toContain(makeIdNumber('1980-05-05', 11));
    expect((await get(`/rounds/${id}/draw/verification`)).body).toMatchObject({
      withdrawalsMatch: true,
      matches: true,
    });

    // A declared withdrawal before the meeting: AMR records it, the next in the ranking sits.
    const leaving = sitting[5];
    const withdrawal = { code: leaving.code, reason: '申报人系本人指导的研究生' };
    expect(codes(await post(`/rounds/${id}/committee/withdrawals`, withdrawal, hrss))).toEqual([
      403,
      'STEP_REQUIRES_AMR',
    ]);
    expect(codes(await post(`/rounds/${id}/committee/withdrawals`, { ...withdrawal, code: chair.code }))).toEqual([
      422,
      'NOT_A_COMMITTEE_MEMBER',
    ]);
    const declared = await post(`/rounds/${id}/committee/withdrawals`, withdrawal);
    expect(declared.status).toBe(200);
    expect(declared.body.replacement).toMatchObject({ specialty: leaving.specialty, role: leaving.role });
    const after = (await get(`/rounds/${id}/committee`, amr)).body as DrawnMember[];
    expect(after[5].code).toBe(declared.body.replacement.code);
    expect(after.map((m) => m.code)).not.toContain(leaving.code);
    const final = (await get(`/rounds/${id}/draw`)).body;
    expect(final.withdrawals[5]).toMatchObject({ code: leaving.code, reason: 'declared', applicant: null });
    expect(JSON.stringify(final)).not.toContain('研究生');

    // draw:verify recomputes the replacements from the published record; a tampered one does not match.
    const file = join(work, 'draw.json');
    writeFileSync(file, JSON.stringify(final));
    const env = {
      DATABASE_URL: t.databaseUrl,
      KEYS_DIR: t.config.keysDir,
      CLOCK_FIXED_AT: at('2026-12-01').toISOString(),
    };
    const verified = await runCli(env, 'draw:verify', '--record', file);
    expect([verified.code, verified.stdout]).toEqual([0, expect.stringContaining('The draw MATCHES.')]);
    const tampered = {
      ...final,
      withdrawals: final.withdrawals.map((w: object, i: number) => (i === 1 ? { ...w, replacedBy: next.code } : w)),
    };
    writeFileSync(file, JSON.stringify(tampered));
    const forged = await runCli(env, 'draw:verify', '--record', file);
    expect([forged.code, forged.stdout]).toEqual([
      2,
      expect.stringContaining('withdrawals and replacements:       NO'),
    ]);
    expect(forged.stdout).toContain('The draw DOES NOT MATCH.');
    writeFileSync(file, JSON.stringify(final));
    const otherWitness = await runCli(env, 'draw:verify', '--record', file, '--witness', '2026139');
    expect([otherWitness.code, otherWitness.stdout]).toEqual([2, expect.stringContaining('The draw DOES NOT MATCH.')]);
  });
});
