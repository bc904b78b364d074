import { PACKAGE_CALENDAR } from '../calendar/holiday-calendar';
import { ApplicationInput, applicationProblems, RoundTerms } from './application-rules';

const TODAY = '2026-11-02';
const application = (overrides: Partial<ApplicationInput> = {}): ApplicationInput => ({
  name: '张三',
  idNumber: '330102198001011272',
  employer: '浙江省计量科学研究院',
  specialty: 'metrology',
  channel: 'regular',
  quantitativeScore: null,
  pledge: true,
  employerPublicityStart: '2026-10-12',
  employerPublicityEnd: '2026-10-16',
  departmentReviewed: true,
  intermediateRecommended: false,
  ...overrides,
});
const PROFESSOR: RoundTerms = { level: 'professor', scoreThreshold: null };
const SENIOR: RoundTerms = { level: 'senior', scoreThreshold: 80 };
const codes = (input: ApplicationInput, terms = PROFESSOR) =>
  applicationProblems(input, terms, TODAY, PACKAGE_CALENDAR).map((p) => `${p.field}:${p.code}`);

describe('application rules (四.三.1–3, 三.四)', () => {
  it('accepts a complete application', () => {
    expect(codes(application())).toEqual([]);
  });

  it('needs employer publicity of at least 5 working days, counted over holidays', () => {
    // Mid-autumn (25 Sep) cuts Mon 21–Fri 25 to 4; Sunday 20 Sep was a make-up working day.
    expect(codes(application({ employerPublicityStart: '2026-09-21', employerPublicityEnd: '2026-09-25' }))).toEqual([
      'employerPublicityEnd:EMPLOYER_PUBLICITY_TOO_SHORT',
    ]);
    expect(codes(application({ employerPublicityStart: '2026-09-20', employerPublicityEnd: '2026-09-24' }))).toEqual(
      [],
    );
    // Across National Day: 28–30 Sep and 8–9 Oct.
    expect(codes(application({ employerPublicityStart: '2026-09-28', employerPublicityEnd: '2026-10-09' }))).toEqual(
      [],
    );
    expect(codes(application({ employerPublicityStart: '2026-09-28', employerPublicityEnd: '2026-10-08' }))).toEqual([
      'employerPublicityEnd:EMPLOYER_PUBLICITY_TOO_SHORT',
    ]);
    const [problem] = applicationProblems(
      application({ employerPublicityStart: '2026-09-28', employerPublicityEnd: '2026-10-08' }),
      PROFESSOR,
      TODAY,
      PACKAGE_CALENDAR,
    );
    expect(problem.details).toEqual({ workingDays: 4 });
    expect(codes(application({ employerPublicityStart: '2026-10-26', employerPublicityEnd: '2026-11-03' }))).toEqual([
      'employerPublicityEnd:DATE_IN_FUTURE',
    ]);
    expect(codes(application({ employerPublicityStart: '2026-02-30' }))).toEqual([
      'employerPublicityStart:DATE_INVALID',
    ]);
  });

  it('needs the pledge and the competent department review', () => {
    expect(codes(application({ pledge: false, departmentReviewed: false }))).toEqual([
      'pledge:PLEDGE_MISSING',
      'departmentReviewed:DEPARTMENT_REVIEW_MISSING',
    ]);
  });

  it('checks the applicant as a certificate holder would be', () => {
    expect(codes(application({ idNumber: '330102198001011273' }))).toEqual(['idNumber:ID_NUMBER_INVALID']);
    expect(codes(application({ name: '张三1' }))).toEqual(['name:NAME_INVALID']);
    expect(codes(application({ employer: ' 单位' }))).toEqual(['employer:EMPLOYER_INVALID']);
    expect(codes(application({ specialty: 'special-equipment' }), SENIOR)).toContain(
      'specialty:SPECIALTY_NOT_ALLOWED_FOR_LEVEL',
    );
  });

  it('needs, for 高级, the intermediate committee recommendation and (regular channel) the score threshold', () => {
    const senior = (o: Partial<ApplicationInput>) =>
      codes(application({ intermediateRecommended: true, quantitativeScore: 80, ...o }), SENIOR);
    expect(senior({})).toEqual([]);
    expect(senior({ quantitativeScore: 79.5 })).toEqual(['quantitativeScore:QUANTITATIVE_SCORE_BELOW_THRESHOLD']);
    expect(senior({ quantitativeScore: null })).toEqual(['quantitativeScore:QUANTITATIVE_SCORE_BELOW_THRESHOLD']);
    expect(senior({ quantitativeScore: null, channel: 'landmark' })).toEqual([]);
    expect(senior({ intermediateRecommended: false })).toEqual([
      'intermediateRecommended:INTERMEDIATE_RECOMMENDATION_MISSING',
    ]);
    // 正高 has neither rule.
    expect(codes(application({ intermediateRecommended: false, quantitativeScore: null }))).toEqual([]);
  });
});
