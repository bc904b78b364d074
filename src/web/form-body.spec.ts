import { waitText } from './page-text';
import { formField } from './form-body';

describe('download form helpers', () => {
  it('reads one text field, and nothing from a repeated, missing or overlong one', () => {
    const body = { certificateNo: 'ZJZ2026000001', name: ['张三', '李四'], idNumber: 'x'.repeat(33) };
    expect(formField(body, 'certificateNo', 32)).toBe('ZJZ2026000001');
    expect(formField(body, 'name', 64)).toBe('');
    expect(formField(body, 'idNumber', 32)).toBe('');
    expect(formField(body, 'missing', 32)).toBe('');
    expect(formField(undefined, 'name', 64)).toBe('');
  });

  it('says a wait in minutes and seconds', () => {
    expect([waitText(900), waitText(75), waitText(40), waitText(0.2)]).toEqual(['15分钟', '1分15秒', '40秒', '1秒']);
  });
});
