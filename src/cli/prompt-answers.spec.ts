import { isYes, parseToggle, toggle } from './prompt-answers';

describe('prompt answers', () => {
  it.each(['y', 'Y', 'yes', ' YES ', '是', '好', '确认'])('%p goes on', (answer) => {
    expect(isYes(answer)).toBe(true);
  });

  it.each(['', 'n', 'no', 'yep', '否', 'y y'])(
    '%p stops: only an explicit yes takes an irreversible step',
    (answer) => {
      expect(isYes(answer)).toBe(false);
    },
  );

  it('reads numbers and ranges, with ASCII or full-width separators', () => {
    expect(parseToggle('3 7-9', 25)).toEqual({ ok: true, numbers: [3, 7, 8, 9] });
    expect(parseToggle('3，5、 25', 25)).toEqual({ ok: true, numbers: [3, 5, 25] });
    expect(parseToggle('  ', 25)).toEqual({ ok: true, numbers: [] });
  });

  it.each(['0', '26', '9-7', 'Z003', '3-', '1.5'])('refuses %p, naming it and the range', (input) => {
    expect(parseToggle(input, 25)).toEqual({ ok: false, problem: expect.stringContaining(`"${input}"`) });
    expect(parseToggle(input, 25)).toEqual({ ok: false, problem: expect.stringContaining('1 to 25') });
  });

  it('toggles: a number unticks, the same number again ticks back', () => {
    const once = toggle(new Set(), [3, 7]);
    expect([...once].sort()).toEqual([3, 7]);
    expect([...toggle(once, [7, 9])].sort()).toEqual([3, 9]);
    expect(once).toEqual(new Set([3, 7]));
  });
});
