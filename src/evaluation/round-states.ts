import { AppError } from '../common/app-error';

/**
 * The steps of a round, in order (四.三): applications are taken, closed, checked by the
 * committee office, reported to HRSS ten working days ahead and approved, the meeting votes,
 * the results are publicised, AMR and HRSS publish them jointly, and certificates are issued.
 *
 * A state is entered only when its step is complete. The acts that lead to it are facts
 * recorded within the state before: in ELIGIBILITY_CHECKED the draw commitment, the draw and
 * AMR's report to HRSS, so PRE_EVALUATION_REPORTED means reported by AMR *and* approved by HRSS;
 * in RESULTS_PUBLICISED the objections and one authority's proposal of the joint publication,
 * so PUBLISHED means proposed by one authority and confirmed by the other (round-authorities.ts).
 */
export const ROUND_STATES = [
  'OPEN',
  'APPLICATIONS_CLOSED',
  'ELIGIBILITY_CHECKED',
  'PRE_EVALUATION_REPORTED',
  'MEETING_HELD',
  'RESULTS_PUBLICISED',
  'PUBLISHED',
  'CERTIFICATES_ISSUED',
] as const;
export type RoundState = (typeof ROUND_STATES)[number];

/** The state a round must be in to move to `to`. */
export function stateBefore(to: RoundState): RoundState {
  const index = ROUND_STATES.indexOf(to);
  if (index < 1) throw new RangeError(`no step leads to ${to}`);
  return ROUND_STATES[index - 1];
}

/** Refuses a step taken out of order (409), naming the state the round is in and the one needed. */
export function requireState(current: string, required: RoundState, step: string): void {
  if (current !== required) {
    throw new AppError('ROUND_STEP_OUT_OF_ORDER', `${step} needs the round in state ${required}; it is ${current}.`, {
      state: current,
      required,
    });
  }
}
