import type { RoundEntity } from '../evaluation/round.entity';
import { roundTitle } from './round-summaries';

/**
 * `round:show`: where a round stands, the dates recorded so far, and the next step with who may
 * take it (docs/evaluation.md, the walkthrough). Pure, so the table of steps is tested alone.
 */

export type RoundFacts = Pick<
  RoundEntity,
  | 'id'
  | 'level'
  | 'year'
  | 'state'
  | 'meetingDate'
  | 'commitment'
  | 'witnessValue'
  | 'drawnAt'
  | 'reportedOn'
  | 'hrssApprovalDocument'
  | 'hrssApprovedOn'
  | 'attendance'
  | 'presidingCode'
  | 'publicityStart'
  | 'publicityEnd'
  | 'jointDocument'
  | 'publishedOn'
  | 'publicationProposedBy'
  | 'publicationProposedAuthority'
>;

export interface NextStep {
  command: string;
  who: string;
  when?: string;
}

const AMR_ADMIN = 'an AMR admin (the committee office)';

/** The step that moves the round on, as a command line, and who may take it. */
export function nextStep(round: RoundFacts): NextStep | undefined {
  const r = `--round ${round.id}`;
  switch (round.state) {
    case 'OPEN':
      return { command: `applications:import ${r} --file F, then applications:close ${r}`, who: AMR_ADMIN };
    case 'APPLICATIONS_CLOSED':
      return { command: `eligibility:check ${r}`, who: AMR_ADMIN };
    case 'ELIGIBILITY_CHECKED':
      if (!round.commitment)
        return { command: `draw:seed, then draw:commit ${r} --commitment H --size 25`, who: AMR_ADMIN };
      if (!round.witnessValue)
        return {
          command: `draw:witness ${r} --value V --source S --published-on D`,
          who: 'an officer of either authority',
          when: 'once a public value published after the commitment is known (e.g. a lottery draw)',
        };
      if (!round.drawnAt) return { command: `draw:run ${r} --seed S`, who: AMR_ADMIN };
      if (!round.reportedOn) return { command: `report:submit ${r} --reported-on D`, who: AMR_ADMIN };
      return { command: `report:approve ${r} --document N --approved-on D`, who: 'an HRSS admin (核准)' };
    case 'PRE_EVALUATION_REPORTED':
      return {
        command: `meeting:record ${r} --tally F --presiding CODE (--absent CODES | --present all)`,
        who: AMR_ADMIN,
        when: `on or after the meeting date, ${round.meetingDate}`,
      };
    case 'MEETING_HELD':
      return { command: `publicity:start ${r} --start D --end D`, who: AMR_ADMIN };
    case 'RESULTS_PUBLICISED':
      if (round.publicationProposedBy)
        return {
          command: `publication:confirm ${r}`,
          who: `an ${round.publicationProposedAuthority === 'amr' ? 'HRSS' : 'AMR'} admin (the authority that did not propose)`,
        };
      return {
        command: `publication:propose ${r} --joint-document N --published-on D, then publication:confirm ${r}`,
        who: 'an admin of one authority proposes, an admin of the other confirms (联合发文)',
        when: `after the publicity ends on ${round.publicityEnd}, every objection resolved`,
      };
    case 'PUBLISHED':
      return { command: `certificates:issue ${r}`, who: 'an issuer of either authority' };
    case 'CERTIFICATES_ISSUED':
      return undefined;
  }
}

/** A publication still awaiting the other authority says so, and who proposed it. */
function proposal(round: RoundFacts): string {
  return round.state === 'RESULTS_PUBLICISED' && round.publicationProposedBy
    ? ` (proposed by ${round.publicationProposedBy}, ${round.publicationProposedAuthority}; not yet confirmed)`
    : '';
}

/** The facts recorded so far, one per line, in the order of the plan. */
export function overviewLines(round: RoundFacts): string[] {
  const present = round.attendance === null ? null : (JSON.parse(round.attendance) as string[]).length;
  const facts: Array<[string, string | null]> = [
    ['meeting date', round.meetingDate],
    ['draw commitment', round.commitment],
    ['draw witness', round.witnessValue],
    ['committee drawn', round.drawnAt],
    ['reported to HRSS', round.reportedOn],
    ['HRSS approval', round.hrssApprovalDocument && `${round.hrssApprovalDocument} of ${round.hrssApprovedOn}`],
    ['meeting', present === null ? null : `${present} present, presiding ${round.presidingCode ?? '(not yet)'}`],
    ['results publicity', round.publicityStart && `${round.publicityStart} to ${round.publicityEnd}`],
    ['joint publication', round.jointDocument && `${round.jointDocument} of ${round.publishedOn}${proposal(round)}`],
  ];
  const next = nextStep(round);
  return [
    `${roundTitle(round)}: ${round.state}`,
    ...facts.filter(([, value]) => value).map(([label, value]) => `  ${label.padEnd(18)} ${value}`),
    next
      ? `Next: ${next.command}\n  by ${next.who}${next.when ? `, ${next.when}` : ''}.`
      : 'Done: every certificate of the round is issued.',
  ];
}
