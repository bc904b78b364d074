import { ROUND_STATES } from '../evaluation/round-states';
import { nextStep, overviewLines, type RoundFacts } from './round-overview';

const OPEN: RoundFacts = {
  id: 4,
  level: 'professor',
  year: 2026,
  state: 'OPEN',
  meetingDate: '2026-12-18',
  commitment: null,
  witnessValue: null,
  drawnAt: null,
  reportedOn: null,
  hrssApprovalDocument: null,
  hrssApprovedOn: null,
  attendance: null,
  presidingCode: null,
  publicityStart: null,
  publicityEnd: null,
  jointDocument: null,
  publishedOn: null,
  publicationProposedBy: null,
  publicationProposedAuthority: null,
};

describe('round:show', () => {
  it('names a next step and who takes it in every state but the last', () => {
    for (const state of ROUND_STATES.slice(0, -1)) {
      const step = nextStep({ ...OPEN, state });
      expect(step?.command).toContain('--round 4');
      expect(step?.who).toMatch(/AMR|HRSS|authority|issuer/);
    }
    expect(nextStep({ ...OPEN, state: 'CERTIFICATES_ISSUED' })).toBeUndefined();
  });

  it('walks the steps taken within ELIGIBILITY_CHECKED: commit, witness, draw, report by AMR, approval by HRSS', () => {
    const checked = { ...OPEN, state: 'ELIGIBILITY_CHECKED' as const };
    expect(nextStep(checked)?.command).toMatch(/^draw:seed, then draw:commit/);
    const committed = { ...checked, commitment: 'c'.repeat(64) };
    expect(nextStep(committed)).toMatchObject({
      command: expect.stringMatching(/^draw:witness/),
      who: expect.stringContaining('either'),
    });
    expect(nextStep({ ...committed, witnessValue: '03 11 17 22 28 31 + 09' })?.command).toMatch(/^draw:run/);
    const drawn = { ...committed, witnessValue: '03', drawnAt: '2026-12-01T02:00:00.000Z' };
    expect(nextStep(drawn)).toMatchObject({
      command: expect.stringMatching(/^report:submit/),
      who: expect.stringContaining('AMR'),
    });
    expect(nextStep({ ...drawn, reportedOn: '2026-12-04' })).toMatchObject({
      command: expect.stringMatching(/^report:approve/),
      who: expect.stringContaining('HRSS'),
    });
  });

  it('asks the other authority to confirm a proposed publication', () => {
    const publicised = { ...OPEN, state: 'RESULTS_PUBLICISED' as const, publicityEnd: '2026-12-25' };
    expect(nextStep(publicised)?.command).toMatch(/^publication:propose/);
    const proposed = { ...publicised, publicationProposedBy: 'amr-admin', publicationProposedAuthority: 'amr' };
    expect(nextStep(proposed)).toMatchObject({
      command: 'publication:confirm --round 4',
      who: expect.stringContaining('an HRSS admin'),
    });
  });

  it('lists the facts recorded so far and the next step', () => {
    const lines = overviewLines({
      ...OPEN,
      state: 'PRE_EVALUATION_REPORTED',
      reportedOn: '2026-12-04',
      hrssApprovalDocument: '浙人社〔2026〕88号',
      hrssApprovedOn: '2026-12-08',
    });
    expect(lines[0]).toBe('Round 4 (2026 年度 正高级工程师): PRE_EVALUATION_REPORTED');
    expect(lines).toContain('  HRSS approval      浙人社〔2026〕88号 of 2026-12-08');
    expect(lines.join('\n')).toContain('on or after the meeting date, 2026-12-18');
    expect(lines.join('\n')).not.toContain('joint publication');
  });
});
