import { requireState, ROUND_STATES, stateBefore } from './round-states';

describe('round states', () => {
  it('moves one step at a time in the documented order', () => {
    expect(ROUND_STATES.slice(1).map(stateBefore)).toEqual(ROUND_STATES.slice(0, -1));
    expect(() => stateBefore('OPEN')).toThrow(RangeError);
  });

  it('refuses a step out of order with a code naming both states', () => {
    expect(() => requireState('OPEN', 'OPEN', 'x')).not.toThrow();
    expect(() => requireState('OPEN', 'ELIGIBILITY_CHECKED', 'The draw')).toThrow(
      expect.objectContaining({
        code: 'ROUND_STEP_OUT_OF_ORDER',
        details: { state: 'OPEN', required: 'ELIGIBILITY_CHECKED' },
      }),
    );
  });
});
