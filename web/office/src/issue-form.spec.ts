import { emptyIssueForm, issueFailure, missingFields } from './issue-form';

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

  it('names every empty field at once, before anything is sent', () => {
    expect(missingFields(emptyIssueForm(2026))).toEqual({
      'holder.name': '请填写姓名。',
      'holder.idNumber': '请填写身份证号。',
      'holder.employer': '请填写工作单位。',
      level: '请选择资格名称。',
      specialty: '请选择专业。',
      passedOn: '请选择评审通过日期。',
      approvalDocument: '请填写批准文号。',
    });
    const filled = {
      holder: { name: '张三', gender: '男' as const, idNumber: '330102198001011272', employer: '浙江省计量科学研究院' },
      level: 'professor' as const,
      specialty: 'metrology' as const,
      evaluationYear: 2026,
      passedOn: '2026-11-20',
      approvalDocument: ' ',
    };
    expect(missingFields(filled)).toEqual({ approvalDocument: '请填写批准文号。' });
    // The year's number box, cleared, holds null.
    expect(missingFields({ ...filled, approvalDocument: 'x', evaluationYear: null as unknown as number })).toEqual({
      evaluationYear: '请填写评审年度。',
    });
  });
});
