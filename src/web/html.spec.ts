import { escapeHtml, fillTemplate, SafeHtml } from './html';
import { certificateRows } from './page-text';

describe('page helpers', () => {
  it('escapes every character that could open markup or leave an attribute', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
  });

  it('fills slots, escaping text but not SafeHtml, and refuses a slot without a value', () => {
    expect(fillTemplate('<p title="{{a}}">{{b}}</p>', { a: '"><img src=x>', b: new SafeHtml('<b>ok</b>') })).toBe(
      '<p title="&quot;&gt;&lt;img src=x&gt;"><b>ok</b></p>',
    );
    expect(() => fillTemplate('{{missing}}', {})).toThrow('{{missing}}');
  });

  it('lists facts in the order of the printed certificate and leaves out what is unknown', () => {
    const token = {
      holderName: '张三',
      levelName: '正高级工程师',
      specialtyName: '计量',
      passedOn: '2026-11-20',
      certificateNo: 'ZJZ2026000001',
      issuedAt: '2026-11-26T20:00:00Z',
    };
    expect(certificateRows(token).map(([label]) => label)).toEqual([
      '姓名',
      '资格名称',
      '专业',
      '评审通过时间',
      '证书编号',
      '发证日期',
    ]);
    expect(certificateRows(token)[5][1]).toBe('2026年11月27日');
    const full = certificateRows({
      ...token,
      gender: '男',
      idNumberMasked: '330***********1272',
      employer: '单位',
      approvalDocument: '文号',
    });
    expect(full.map(([label]) => label)).toEqual([
      '姓名',
      '性别',
      '身份证号',
      '工作单位',
      '资格名称',
      '专业',
      '评审通过时间',
      '批准文号',
      '证书编号',
      '发证日期',
      '发证机关',
    ]);
  });
});
