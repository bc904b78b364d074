import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/office-cli';
import { api, freshDatabaseUrl, officer, Officer, startTestApp, TestApp } from '../support/test-app';

const FIXTURES = join(__dirname, '../fixtures/evaluation');
const at = (date: string) => new Date(`${date}T02:00:00Z`);
/** The command's own last line (the logger may warn about development keys before it). */
const last = (stdout: string) => stdout.trim().split('\n').pop();

/**
 * The office CLI runs a round with the API: pool and applications from CSV, the committed draw
 * and its verification, the meeting from the scrutineers' file, publication and issuance. The
 * CLI runs on the same fixed clock as the app (CLOCK_FIXED_AT), whatever the machine's date.
 */
describe('evaluation round through the office CLI (e2e)', () => {
  let t: TestApp;
  let admin: Officer;
  let env: Record<string, string>;
  const work = mkdtempSync(join(tmpdir(), 'zjzc-eval-cli-'));

  let today = at('2026-10-26');
  const cli = (...args: string[]) => runCli({ ...env, CLOCK_FIXED_AT: today.toISOString() }, ...args);
  async function day(date: string): Promise<void> {
    today = at(date);
    t.clock.set(today);
    admin = {
      ...admin,
      token: (await api(t, 'POST', '/api/v1/auth/token', { username: admin.username, password: admin.password })).body
        .accessToken as string,
    };
  }
  const post = (path: string, body?: unknown) => api(t, 'POST', `/api/v1/evaluation${path}`, body, admin.token);

  beforeAll(async () => {
    const databaseUrl = await freshDatabaseUrl();
    const keysDir = join(work, 'keys');
    env = { DATABASE_URL: databaseUrl, KEYS_DIR: keysDir };
    expect(
      (await cli('evaluation:pool-import', '--level', 'professor', '--file', join(FIXTURES, 'pool-professor.csv')))
        .code,
    ).toBe(0);
    t = await startTestApp({ databaseUrl, keysDir, now: today });
    admin = await officer(t, 'amr-office', 'amr', ['admin']);
  });
  afterAll(async () => t?.close());

  it('imports, draws, verifies the draw, records the meeting, publishes and issues with a progress bar', async () => {
    const round = (await post('/rounds', { level: 'professor', year: 2026, meetingDate: '2026-11-13' })).body
      .id as number;

    const bad = await cli(
      'evaluation:applications-import',
      '--round',
      String(round),
      '--file',
      join(FIXTURES, 'applications-invalid.csv'),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('line 3, 身份证号: idNumber fails its check character. [ID_NUMBER_INVALID]');
    expect(bad.stderr).toContain('line 4, 单位公示结束');
    expect(bad.stderr).toContain('error CSV_INVALID: Nothing was imported');
    const imported = await cli(
      'evaluation:applications-import',
      '--round',
      String(round),
      '--file',
      join(FIXTURES, 'applications-professor.csv'),
    );
    expect([imported.code, last(imported.stdout)]).toEqual([0, `Imported 8 applications into round ${round}.`]);

    await post(`/rounds/${round}/applications-closure`);
    await day('2026-10-27');
    expect((await post(`/rounds/${round}/eligibility-check`)).body.state).toBe('ELIGIBILITY_CHECKED');

    const [, seed, commitment] =
      /seed\s+([0-9a-f]{64})\s+commitment\s+([0-9a-f]{64})/.exec((await cli('draw:seed')).stdout) ?? [];
    expect((await cli('draw:commit', '--round', String(round), '--commitment', commitment, '--size', '25')).code).toBe(
      0,
    );
    const wrong = await cli('draw:run', '--round', String(round), '--seed', 'f'.repeat(64));
    expect([wrong.code, wrong.stderr]).toEqual([1, expect.stringContaining('SEED_MISMATCH')]);
    const drawn = await cli('draw:run', '--round', String(round), '--seed', seed);
    expect(drawn.stdout).toContain('Drew 25 members');
    const verified = await cli('draw:verify', '--round', String(round));
    expect([verified.code, verified.stdout]).toEqual([0, expect.stringContaining('The draw MATCHES.')]);

    // A third party recomputes from the published record alone; another seed does not match.
    const recordFile = join(work, 'draw.json');
    writeFileSync(recordFile, JSON.stringify((await api(t, 'GET', `/api/v1/evaluation/rounds/${round}/draw`)).body));
    expect((await cli('draw:verify', '--record', recordFile)).stdout).toContain('The draw MATCHES.');
    const forged = await cli('draw:verify', '--record', recordFile, '--seed', 'f'.repeat(64));
    expect([forged.code, forged.stdout]).toEqual([
      2,
      expect.stringContaining('SHA-256(seed) = commitment:         NO'),
    ]);

    await day('2026-11-02');
    expect(
      (
        await post(`/rounds/${round}/pre-evaluation-report`, {
          reportedOn: '2026-10-30',
          hrssApprovalDocument: '浙人社〔2026〕80号',
          hrssApprovedOn: '2026-11-02',
        })
      ).body.state,
    ).toBe('PRE_EVALUATION_REPORTED');

    const committee = (await api(t, 'GET', `/api/v1/evaluation/rounds/${round}/committee`, undefined, admin.token))
      .body as Array<{ code: string }>;
    const ids = readFileSync(join(FIXTURES, 'applications-professor.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[1]);
    const tallyFile = join(work, 'tally.csv');
    writeFileSync(
      tallyFile,
      ['身份证号,赞成,反对,弃权', ...ids.map((id, i) => `${id},${i === 7 ? 10 : 15},${i === 7 ? 6 : 1},2`)].join('\n'),
    );
    await day('2026-11-13');
    const present = committee
      .slice(0, 18)
      .map((m) => m.code)
      .join(',');
    const meeting = await cli(
      'evaluation:meeting',
      '--round',
      String(round),
      '--present',
      present,
      '--tally',
      tallyFile,
      '--presiding',
      committee[0].code,
    );
    expect([meeting.code, last(meeting.stdout), meeting.stderr]).toEqual([
      0,
      `Round ${round}: 18 present; 7 of 8 applicants passed; confirmed by ${committee[0].code}; state MEETING_HELD.`,
      '',
    ]);

    await day('2026-11-16');
    await post(`/rounds/${round}/results-publicity`, { start: '2026-11-16', end: '2026-11-20' });
    await day('2026-11-23');
    const early = await cli(
      'evaluation:publish',
      '--round',
      String(round),
      '--joint-document',
      '浙市监人〔2026〕45号',
      '--published-on',
      '2026-11-20',
    );
    expect([early.code, early.stderr]).toEqual([1, expect.stringContaining('PUBLICITY_NOT_OVER')]);
    expect(
      (
        await cli(
          'evaluation:publish',
          '--round',
          String(round),
          '--joint-document',
          '浙市监人〔2026〕45号',
          '--published-on',
          '2026-11-23',
        )
      ).stdout,
    ).toContain('state PUBLISHED');

    const issued = await cli('evaluation:issue', '--round', String(round), '--concurrency', '4');
    expect([issued.code, last(issued.stdout)]).toEqual([
      0,
      `Round ${round}: 7 certificates — 7 issued now, 0 already issued; state CERTIFICATES_ISSUED.`,
    ]);
    const again = await cli('evaluation:issue', '--round', String(round));
    expect(again.stdout).toContain('0 issued now, 7 already issued');
    const applications = (
      await api(t, 'GET', `/api/v1/evaluation/rounds/${round}/applications`, undefined, admin.token)
    ).body as Array<{ certificateNo: string | null }>;
    const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    const certificate = await api(
      t,
      'GET',
      `/api/v1/certificates/${applications[0].certificateNo}`,
      undefined,
      issuer.token,
    );
    expect(
      (await api(t, 'POST', '/api/v1/verifications', { credential: certificate.body.credential })).body.verdict,
    ).toBe('VALID');
  });
});
