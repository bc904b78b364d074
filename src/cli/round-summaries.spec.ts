import { certificateLines, eligibilityLines, meetingLines, type Applicant, type Member } from './round-summaries';

const applicant = (id: number, name: string, over: Partial<Applicant> = {}): Applicant => ({
  id,
  name,
  employer: '浙江省计量科学研究院',
  specialty: 'metrology',
  eligible: true,
  ineligibleReason: null,
  withheld: false,
  certificateNo: null,
  ...over,
});
const member = (code: string, name: string, role = 'member'): Member => ({
  code,
  name,
  affiliation: '浙江大学',
  specialty: 'quality',
  role,
});

describe('round summaries', () => {
  it('names the eligible and the ineligible with the reason', () => {
    const lines = eligibilityLines([
      applicant(1, '张三'),
      applicant(2, '李四', { eligible: false, ineligibleReason: 'The applicant is barred until 2028-06-30.' }),
    ]);
    expect(lines).toEqual([
      'Eligible (1):',
      '  #1 张三（浙江省计量科学研究院，计量）',
      'Not eligible (1):',
      '  #2 李四（浙江省计量科学研究院，计量）: The applicant is barred until 2028-06-30.',
    ]);
  });

  it('names the absent members and each applicant with the votes', () => {
    const lines = meetingLines(
      [member('Z001', '王主任', 'chair'), member('Z002', '赵委员')],
      ['Z001'],
      [
        { applicant: applicant(1, '张三'), votes: { yes: 15, no: 1, abstentions: 1, passed: true } },
        { applicant: applicant(2, '李四'), votes: { yes: 10, no: 6, abstentions: 1, passed: false } },
      ],
    );
    expect(lines).toEqual([
      'Present: 1 of 2 members.',
      'Absent (1):',
      '  Z002 赵委员（浙江大学，质量，委员）',
      'Passed (1):',
      '  #1 张三（浙江省计量科学研究院，计量）  赞成 15 · 反对 1 · 弃权 1',
      'Not passed (1):',
      '  #2 李四（浙江省计量科学研究院，计量）  赞成 10 · 反对 6 · 弃权 1',
    ]);
  });

  it('lists certificate numbers by holder, leaving out those without one', () => {
    expect(certificateLines([applicant(1, '张三', { certificateNo: 'ZJZ2026000001' }), applicant(2, '李四')])).toEqual([
      'Certificates (1):',
      '  ZJZ2026000001  张三（浙江省计量科学研究院，计量）',
    ]);
  });
});
