import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, runCliOnTerminal } from '../support/office-cli';
import { api, freshDatabaseUrl, startTestApp } from '../support/test-app';

const FIXTURES = join(__dirname, '../fixtures/evaluation');
const at = (date: string) => new Date(`${date}T02:00:00Z`);
/** The command's own last line (the logger may warn about development keys before it). */
const last = (stdout: string) => stdout.trim().split('\n').pop();

/**
 * A whole round from the office CLI alone, as two officers run it: an AMR admin (the committee
 * office) and an HRSS admin, each signed in with a password file, the CLI's clock moving day
 * by day (CLOCK_FIXED_AT) whatever the machine's date. The summaries name people.
 */
describe('evaluation round through the office CLI (e2e)', () => {
  const work = mkdtempSync(join(tmpdir(), 'zjzc-eval-cli-'));
  const passwordFile = (name: string, password: string) => {
    const path = join(work, `${name}.password`);
    writeFileSync(path, `${password}\n`, { mode: 0o600 });
    return path;
  };
  const AMR = ['--user', 'amr-admin', '--password-file', passwordFile('amr-admin', 'amr-admin-password-26')];
  const HRSS = ['--user', 'hrss-admin', '--password-file', passwordFile('hrss-admin', 'hrss-admin-password-26')];
  const ISSUER = ['--user', 'amr-issuer', '--password-file', passwordFile('amr-issuer', 'amr-issuer-password-26')];
  let env: Record<string, string>;
  let today = at('2026-10-26');
  const cli = (...args: string[]) => runCli({ ...env, CLOCK_FIXED_AT: today.toISOString() }, ...args);
  const onTerminal = (args: string[], replies: Array<{ when: RegExp; type: string }>) =>
    runCliOnTerminal({ ...env, CLOCK_FIXED_AT: today.toISOString() }, args, replies);
  /** Runs a step that must succeed; a refusal fails the test with the CLI's own error line. */
  const step = async (...args: string[]) => {
    const result = await cli(...args);
    if (result.code !== 0) throw new Error(`${args[0]}: exit ${result.code}\n${result.stderr}`);
    return result.stdout;
  };

  beforeAll(async () => {
    env = { DATABASE_URL: await freshDatabaseUrl(), KEYS_DIR: join(work, 'keys') };
    for (const [user, authority, role] of [
      ['amr-admin', 'amr', 'admin'],
      ['hrss-admin', 'hrss', 'admin'],
      ['amr-issuer', 'amr', 'issuer'],
    ])
      await step(
        'officer:add',
        '--username',
        user,
        '--password-file',
        join(work, `${user}.password`),
        '--authority',
        authority,
        '--role',
        role,
      );
  });

  it('runs a round from pool to certificates with an AMR admin and an HRSS admin', async () => {
    await step('pool:import', ...AMR, '--level', 'professor', '--file', join(FIXTURES, 'pool-professor.csv'));
    const created = await step(
      'round:create',
      ...AMR,
      '--level',
      'professor',
      '--year',
      '2026',
      '--meeting-date',
      '2026-11-13',
    );
    const round = /Round (\d+) \(2026 年度 正高级工程师\) opened/.exec(created)?.[1] ?? '';
    const r = ['--round', round];

    const bad = await cli('applications:import', ...AMR, ...r, '--file', join(FIXTURES, 'applications-invalid.csv'));
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('error CSV_INVALID: Nothing was imported')]);
    expect(bad.stderr).toContain('line 3, 身份证号: idNumber fails its check character. [ID_NUMBER_INVALID]');
    expect(
      await step('applications:import', ...AMR, ...r, '--file', join(FIXTURES, 'applications-professor.csv')),
    ).toContain(`Imported 8 applications into round ${round}.`);
    expect(await step('applications:close', ...AMR, ...r)).toContain('applications closed with 8 applications');

    today = at('2026-10-27');
    const checked = await step('eligibility:check', ...AMR, ...r);
    expect(checked).toContain('Eligible (8):');
    expect(checked).toMatch(/#\d+ 陈晓峰（浙江省计量科学研究院，计量）/);
    expect(last(checked)).toBe(`Round ${round} (2026 年度 正高级工程师): 8 of 8 eligible; state ELIGIBILITY_CHECKED.`);

    const [, seed, commitment] =
      /seed\s+([0-9a-f]{64})\s+commitment\s+([0-9a-f]{64})/.exec(await step('draw:seed')) ?? [];
    await step('draw:commit', ...AMR, ...r, '--commitment', commitment, '--size', '25');
    today = at('2026-10-28');
    await step(
      'draw:witness',
      ...HRSS,
      ...r,
      '--value',
      '03 09 14 21 27 33 + 08',
      '--source',
      '双色球 2026124期',
      '--published-on',
      '2026-10-28',
    );
    const drawn = await step('draw:run', ...AMR, ...r, '--seed', seed);
    expect(drawn).toContain('Drew 25 members');

    // Each authority's steps are its own: the service's 403 code reaches the CLI's error line.
    today = at('2026-10-30');
    const byHrss = await cli('report:submit', ...HRSS, ...r, '--reported-on', '2026-10-30');
    expect([byHrss.code, byHrss.stderr]).toEqual([1, expect.stringContaining('error STEP_REQUIRES_AMR: ')]);
    expect(await step('report:submit', ...AMR, ...r, '--reported-on', '2026-10-30')).toContain(
      'reported to HRSS on 2026-10-30 by amr-admin (amr)',
    );
    today = at('2026-11-02');
    const approval = ['--document', '浙人社〔2026〕80号', '--approved-on', '2026-11-02'];
    const byAmr = await cli('report:approve', ...AMR, ...r, ...approval);
    expect([byAmr.code, byAmr.stderr]).toEqual([1, expect.stringContaining('error STEP_REQUIRES_HRSS: ')]);
    expect(await step('report:approve', ...HRSS, ...r, ...approval)).toContain('state PRE_EVALUATION_REPORTED');
    expect(await step('round:show', ...HRSS, ...r)).toContain('Next: meeting:record');

    // The meeting: the clerk ticks the absent on the committee list, by name, on a terminal.
    today = at('2026-11-13');
    const ids = readFileSync(join(FIXTURES, 'applications-professor.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[1]);
    const tally = join(work, 'tally.csv');
    writeFileSync(
      tally,
      ['身份证号,赞成,反对,弃权', ...ids.map((id, i) => `${id},${i === 7 ? 10 : 15},${i === 7 ? 6 : 1},2`)].join('\n'),
    );
    // The chair as drawn, or whoever took the seat if the chair withdrew (回避) at the draw.
    const drawnChair = /^chair\s+(\S+)/m.exec(drawn)?.[1] ?? '';
    const chair = new RegExp(`^withdrew\\s+${drawnChair}\\s.*replaced by (\\S+)$`, 'm').exec(drawn)?.[1] ?? drawnChair;
    const meetingArgs = ['meeting:record', ...AMR, ...r, '--tally', tally, '--presiding', chair];
    const nobody = await cli(...meetingArgs);
    expect([nobody.code, nobody.stderr]).toEqual([1, expect.stringContaining('--absent CODES')]);
    // An ordinary member cannot preside: refused before attendance or ballots are written (else
    // the roll call on the terminal below would meet TALLY_ALREADY_RECORDED).
    const ordinary = /^member\s+(\S+)/m.exec(drawn)?.[1] ?? '';
    expect(ordinary).toMatch(/^Z\d+/);
    const wrongChair = ['meeting:record', ...AMR, ...r, '--tally', tally, '--present', 'all', '--yes'];
    const refused = await cli(...wrongChair, '--presiding', ordinary);
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringContaining('error PRESIDING_MEMBER_INVALID')]);
    // Nor is anything written when the roll call is short of the quorum (16 of 25), or when the
    // ballots do not add up to those present (all 25 present, lines of 18).
    const nine = [...drawn.matchAll(/^member\s+(\S+)/gm)].map((m) => m[1]).slice(0, 9);
    const short = await cli(...meetingArgs, '--yes', '--absent', nine.join(','));
    expect([short.code, short.stderr]).toEqual([1, expect.stringContaining('error QUORUM_NOT_MET')]);
    const mismatch = await cli(...wrongChair, '--presiding', chair);
    expect([mismatch.code, mismatch.stderr]).toEqual([1, expect.stringContaining('error TALLY_MISMATCH')]);
    const partial = join(work, 'tally-partial.csv');
    // Without 陈晓峰's line (the first): every eligible applicant needs one.
    writeFileSync(
      partial,
      readFileSync(tally, 'utf8')
        .split('\n')
        .filter((_, i) => i !== 1)
        .join('\n'),
    );
    const incomplete = await cli(
      'meeting:record',
      ...AMR,
      ...r,
      '--tally',
      partial,
      '--present',
      'all',
      '--yes',
      '--presiding',
      chair,
    );
    expect([incomplete.code, incomplete.stderr]).toEqual([1, expect.stringContaining('error TALLY_INCOMPLETE')]);
    expect(await step('round:show', ...AMR, ...r)).not.toMatch(/present, presiding/);
    const meeting = await onTerminal(meetingArgs, [
      { when: /absent> $/, type: '19-25\r' },
      { when: /18 of 25 present\.[\s\S]*absent> $/, type: '\r' },
      { when: /\[y\/N\] $/, type: 'y\r' },
    ]);
    expect(meeting.code).toBe(0);
    expect(meeting.screen).toMatch(/\[x\]  1  \S+ \S+（.+，主任委员）/);
    expect(meeting.screen).toContain('Present: 18 of 25 members.');
    expect(meeting.screen).toMatch(
      /Passed \(7\):[\s\S]*陈晓峰（浙江省计量科学研究院，计量）  赞成 15 · 反对 1 · 弃权 2/,
    );
    expect(meeting.screen).toMatch(
      /Not passed \(1\):\s+#\d+ 郑丽（嘉兴市标准化研究院，标准化）  赞成 10 · 反对 6 · 弃权 2/,
    );

    today = at('2026-11-16');
    await step('publicity:start', ...AMR, ...r, '--start', '2026-11-16', '--end', '2026-11-20');
    today = at('2026-11-17');
    const objection = await step(
      'objection:add',
      ...AMR,
      ...r,
      '--applicant',
      ids[1],
      '--summary',
      '业绩材料存疑',
      '--received-on',
      '2026-11-17',
    );
    expect(objection).toMatch(/Objection (\d+) recorded against #\d+ 林雪（杭州市质量技术监督检测院，质量）/);
    const objectionId = /Objection (\d+)/.exec(objection)?.[1] ?? '';
    expect(
      await step(
        'objection:resolve',
        ...AMR,
        ...r,
        '--objection',
        objectionId,
        '--outcome',
        'upheld',
        '--finding',
        '材料不实',
      ),
    ).toContain('林雪 will get no certificate');

    // The joint publication: one authority proposes, the other confirms; the proposer cannot.
    today = at('2026-11-23');
    await step(
      'publication:propose',
      ...AMR,
      ...r,
      '--joint-document',
      '浙市监人〔2026〕45号',
      '--published-on',
      '2026-11-23',
    );
    // A reason is prose: the API's rule holds at the terminal too (an invisible character is refused).
    const hidden = await cli('publication:reject', ...HRSS, ...r, '--reason', '文号\u202e有误');
    expect([hidden.code, hidden.stderr]).toEqual([1, expect.stringMatching(/VALIDATION_FAILED[\s\S]*U\+202E/)]);
    const alone = await cli('publication:confirm', ...AMR, ...r);
    expect([alone.code, alone.stderr]).toEqual([
      1,
      expect.stringContaining('PUBLICATION_CONFIRMATION_BY_SAME_AUTHORITY'),
    ]);
    expect(await step('round:show', ...AMR, ...r)).toContain('publication:confirm --round');
    expect(last(await step('publication:confirm', ...HRSS, ...r))).toContain(`certificates:issue --round ${round}`);

    const issued = await step('certificates:issue', ...ISSUER, ...r);
    expect(issued).toMatch(/Certificates \(6\):\n {2}ZJZ2026\d{6} {2}陈晓峰（浙江省计量科学研究院，计量）/);
    expect(issued).not.toContain('林雪');
    expect(last(issued)).toBe(
      `Round ${round}: 6 certificates — 6 issued now, 0 already issued; state CERTIFICATES_ISSUED.`,
    );
    expect(last(await step('round:show', ...ISSUER, ...r))).toBe('Done: every certificate of the round is issued.');

    // The certificates verify, and the audit log names each officer with their authority.
    const t = await startTestApp({ databaseUrl: env.DATABASE_URL, keysDir: env.KEYS_DIR, now: today });
    try {
      const certificateNo = /ZJZ2026\d{6}/.exec(issued)?.[0] ?? '';
      const token = (
        await api(t, 'POST', '/api/v1/auth/token', { username: 'amr-issuer', password: 'amr-issuer-password-26' })
      ).body.accessToken;
      const certificate = await api(t, 'GET', `/api/v1/certificates/${certificateNo}`, undefined, token);
      expect(
        (await api(t, 'POST', '/api/v1/verifications', { credential: certificate.body.credential })).body.verdict,
      ).toBe('VALID');
      const entries = await t.dataSource.query<Array<{ actor: string; authority: string | null; action: string }>>(
        `SELECT actor, authority, action FROM audit_log WHERE action LIKE 'evaluation.round.%' ORDER BY seq`,
      );
      expect(entries.map((e) => `${e.action} ${e.actor} ${e.authority}`)).toEqual([
        'evaluation.round.open amr-admin amr',
        'evaluation.round.applications_closed amr-admin amr',
        'evaluation.round.eligibility_checked amr-admin amr',
        'evaluation.round.pre_evaluation_reported hrss-admin hrss',
        'evaluation.round.meeting_held amr-admin amr',
        'evaluation.round.results_publicised amr-admin amr',
        'evaluation.round.published hrss-admin hrss',
        'evaluation.round.certificates_issued amr-issuer amr',
      ]);
    } finally {
      await t.close();
    }
    // Some thirty CLI processes, each booting the app (~2 s of CPU): 85–107 s alone here, 176–182 s
    // beside the PostgreSQL e2e as CI runs them.
  }, 360_000);

  it('never takes a password from the command line, refuses a wrong one, and asks for it without echo', async () => {
    const inArgv = await cli(
      'round:show',
      '--user',
      'amr-admin',
      '--password',
      'amr-admin-password-26',
      '--round',
      '1',
    );
    expect([inArgv.code, inArgv.stdout]).toEqual([1, expect.not.stringContaining('Round 1')]);
    expect(inArgv.stderr).toContain('error: --password is refused: a password is never taken from the command line');
    const newOfficer = await cli(
      'officer:add',
      '--username',
      'eve',
      '--password',
      'a-long-enough-password',
      '--authority',
      'amr',
      '--role',
      'admin',
    );
    expect([newOfficer.code, newOfficer.stderr]).toEqual([1, expect.stringContaining('--password is refused')]);

    const wrong = await cli(
      'round:show',
      '--user',
      'amr-admin',
      '--password-file',
      passwordFile('wrong', 'not-the-password'),
      '--round',
      '1',
    );
    expect([wrong.code, wrong.stderr]).toEqual([
      1,
      expect.stringContaining('error INVALID_CREDENTIALS: Wrong username or password.'),
    ]);
    const none = await cli('round:show', '--user', 'amr-admin', '--round', '1');
    expect([none.code, none.stderr]).toEqual([1, expect.stringContaining('error AUTH_REQUIRED: No password')]);
    const issuerActs = await cli(
      'round:create',
      ...ISSUER,
      '--level',
      'senior',
      '--year',
      '2026',
      '--meeting-date',
      '2026-12-18',
      '--score-threshold',
      '80',
    );
    expect([issuerActs.code, issuerActs.stderr]).toEqual([
      1,
      expect.stringContaining('error FORBIDDEN_ROLE: This needs the role admin'),
    ]);

    const typed = await onTerminal(
      ['round:show', '--user', 'amr-admin', '--round', '1'],
      [{ when: /Password: $/, type: 'amr-admin-password-26\r' }],
    );
    expect([typed.code, typed.screen]).toEqual([
      0,
      expect.stringContaining('Round 1 (2026 年度 正高级工程师): CERTIFICATES_ISSUED'),
    ]);
    expect(typed.screen).not.toContain('amr-admin-password-26');
  });

  it('asks before an irreversible step on a terminal, and a no changes nothing', async () => {
    const created = await step(
      'round:create',
      ...AMR,
      '--level',
      'senior',
      '--year',
      '2026',
      '--meeting-date',
      '2026-12-18',
      '--score-threshold',
      '80',
    );
    const round = /Round (\d+)/.exec(created)?.[1] ?? '';
    const declined = await onTerminal(
      ['applications:close', ...AMR, '--round', round],
      [{ when: /\[y\/N\] $/, type: 'n\r' }],
    );
    expect([declined.code, declined.screen]).toEqual([1, expect.stringContaining('Cancelled: nothing was changed.')]);
    expect(declined.screen).toContain(
      `Close the applications of Round ${round} (2026 年度 高级工程师) with 0 applications?`,
    );
    expect(await step('round:show', ...AMR, '--round', round)).toContain(`Round ${round} (2026 年度 高级工程师): OPEN`);
  });
});
