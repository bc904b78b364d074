import { issueFailure } from './issue-form';

describe('issue form refusals', () => {
  it('names the ban of a barred holder: its period and decision', () => {
    const body = {
      code: 'APPLICANT_BANNED',
      message: 'The holder is barred from applying until 2029-12-31',
      details: { from: '2027-01-01', until: '2029-12-31', decisionDocument: '浙市监人〔2026〕40号' },
    };
    expect(issueFailure(body, 422)).toEqual({
      errors: {},
      failure:
        '该持证人在禁止申报期内（2027-01-01 至 2029-12-31，依据浙市监人〔2026〕40号），不能签发该年度的证书（四.四.3）。',
    });
  });

  it('says the ban without empty brackets when the answer names no period', () => {
    expect(issueFailure({ code: 'APPLICANT_BANNED', message: 'x' }, 422).failure).toBe(
      '该持证人在禁止申报期内，不能签发该年度的证书（四.四.3）。',
    );
  });

  it('puts a field refusal under its field, in the words of the form', () => {
    const body = { code: 'APPROVAL_DOCUMENT_INVALID', message: 'x', details: { field: 'approvalDocument' } };
    expect(issueFailure(body, 400).errors.approvalDocument).toContain('不早于评审年度');
  });
});
