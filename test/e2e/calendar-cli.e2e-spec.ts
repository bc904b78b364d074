import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeIdNumber } from '../support/builders';
import { runCli } from '../support/office-cli';
import { api, freshDatabaseUrl, officer, startTestApp, TestApp } from '../support/test-app';

const EXAMPLE = join(__dirname, '../../docs/examples/calendar-2027.json');

describe('calendar:import (CLI e2e)', () => {
  let t: TestApp | undefined;
  afterEach(async () => t?.close());

  it('imports the example 2027 file, refuses bad files with their problems, and the server counts 2027 at once', async () => {
    const databaseUrl = await freshDatabaseUrl();
    const keysDir = mkdtempSync(join(tmpdir(), 'zjzc-calendar-keys-'));
    const env = { DATABASE_URL: databaseUrl, KEYS_DIR: keysDir };
    // A server already running on the database sees the CLI's import without a restart.
    t = await startTestApp({ databaseUrl, keysDir, now: new Date('2027-02-22T02:00:00Z') });
    const auditor = await officer(t, 'hrss-auditor', 'hrss', ['auditor']);
    const admin = await officer(t, 'amr-office', 'amr', ['admin']);
    const round = (
      await api(
        t,
        'POST',
        '/api/v1/evaluation/rounds',
        { level: 'professor', year: 2027, meetingDate: '2027-06-18' },
        admin.token,
      )
    ).body.id as number;
    const apply = () =>
      api(
        t!,
        'POST',
        `/api/v1/evaluation/rounds/${round}/applications`,
        {
          name: '周明',
          idNumber: makeIdNumber('1975-05-05', 31),
          employer: '浙江省计量科学研究院',
          specialty: 'metrology',
          channel: 'regular',
          quantitativeScore: null,
          pledge: true,
          employerPublicityStart: '2027-02-01',
          employerPublicityEnd: '2027-02-12',
          departmentReviewed: true,
          intermediateRecommended: false,
        },
        admin.token,
      );
    expect((await apply()).body.code).toBe('CALENDAR_YEAR_NOT_COVERED');

    const dir = mkdtempSync(join(tmpdir(), 'zjzc-calendar-'));
    const conflicting = join(dir, 'conflict.json');
    writeFileSync(
      conflicting,
      JSON.stringify({
        year: 2027,
        documentNumber: '国办发明电〔2026〕7号',
        publishedOn: '2026-11-06',
        holidays: ['2027-01-01', '2027-01-31'],
        makeUpWorkingDays: ['2027-01-31'],
      }),
    );
    const refused = await runCli(env, 'calendar:import', conflicting);
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringContaining('error CALENDAR_DATE_CONFLICT')]);
    expect(refused.stderr).toContain(
      'makeUpWorkingDays: 2027-01-31 is listed both as a holiday and as a make-up working day. [CALENDAR_DATE_CONFLICT]',
    );
    const notJson = join(dir, 'broken.json');
    writeFileSync(notJson, '{"year": 2027,');
    expect(await runCli(env, 'calendar:import', notJson)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('error CALENDAR_INVALID'),
    });
    expect(await runCli(env, 'calendar:import', join(dir, 'missing.json'))).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('ENOENT'),
    });

    const imported = await runCli(env, 'calendar:import', EXAMPLE);
    expect([imported.code, imported.stdout]).toEqual([
      0,
      expect.stringContaining(
        'Imported the 2027 holiday schedule (国办发明电〔2026〕7号 of 2026-11-06): 29 holidays, 5 make-up working days; new.',
      ),
    ]);

    // 1–12 Feb 2027 holds 4 working days on the imported schedule (Spring Festival 5–13 Feb).
    expect((await apply()).body).toMatchObject({ code: 'EMPLOYER_PUBLICITY_TOO_SHORT', details: { workingDays: 4 } });
    const years = (await api(t, 'GET', '/api/v1/calendar/years', undefined, auditor.token)).body as Array<{
      year: number;
      source: string;
      documentNumber: string;
    }>;
    expect(years.find((y) => y.year === 2027)).toMatchObject({
      source: 'imported',
      documentNumber: '国办发明电〔2026〕7号',
    });
    const entries = (await api(t, 'GET', '/api/v1/audit/entries?limit=500', undefined, auditor.token)).body as Array<{
      action: string;
      actor: string;
    }>;
    expect(entries.filter((e) => e.action === 'calendar.year.imported').map((e) => e.actor)).toEqual([
      expect.stringMatching(/^cli:/),
    ]);
  });
});
