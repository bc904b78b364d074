import { OUTAGE_PAGE_TEXT, refusalPageText } from './page-text';

describe('what a page says for a refusal before its own answer', () => {
  it('names the throttle with the wait, an outage, a busy renderer, a missing page and a bad address', () => {
    expect(refusalPageText('RATE_LIMITED', 75)).toEqual({
      title: '查询过于频繁',
      detail: '本设备在短时间内查询次数过多，请1分15秒后再试。',
    });
    expect(refusalPageText('SERVICE_UNAVAILABLE')).toBe(OUTAGE_PAGE_TEXT);
    expect(refusalPageText('PDF_BUSY').title).toBe('下载人数较多');
    expect(refusalPageText('ROUTE_NOT_FOUND').title).toBe('页面不存在');
    expect(refusalPageText('BAD_URL').title).toBe('网址有误');
  });

  it('says anything else in general words, never in English', () => {
    const text = refusalPageText('UNKNOWN_FIELD');
    expect(text.title).toBe('无法处理该请求');
    expect(`${text.title}${text.detail}`).not.toMatch(/[A-Za-z]/);
  });
});
