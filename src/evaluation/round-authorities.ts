import type { AuditActor } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { AUTHORITY_NAMES, isAuthorityId, type AuthorityId } from '../keys/authority';

/**
 * Who records each step of a round (docs/rules.md §四.三.4, §四.三.6): the committee office
 * (高评委办公室) sits in AMR's personnel office, so AMR runs the round; HRSS approves (核准) the
 * pre-evaluation report; the publication is a joint document, proposed by one authority and
 * confirmed by the other. Checked in the services, so the API and the CLI obey it alike.
 */
const REFUSALS = { amr: 'STEP_REQUIRES_AMR', hrss: 'STEP_REQUIRES_HRSS' } as const;

function actingAs(actor: AuditActor): string {
  return actor.authority
    ? `${actor.actor} is an officer of ${actor.authority}`
    : `${actor.actor} acts for no authority (sign in as an officer)`;
}

/** Refuses (403) a step taken by anyone but an officer of `authority`; `step` names it in the message. */
export function requireAuthority(actor: AuditActor, authority: AuthorityId, step: string): void {
  if (actor.authority === authority) return;
  throw new AppError(
    REFUSALS[authority],
    `${step} is recorded by an officer of ${authority} (${AUTHORITY_NAMES[authority].zh}); ${actingAs(actor)}.`,
    { step, required: authority, authority: actor.authority },
  );
}

/** The actor's authority, for a step either authority may take; an actor with none is refused (403). */
export function authorityOf(actor: AuditActor, step: string): AuthorityId {
  if (isAuthorityId(actor.authority)) return actor.authority;
  throw new AppError(
    'STEP_REQUIRES_AUTHORITY',
    `${step} is recorded by an officer of amr or hrss; ${actingAs(actor)}.`,
    {
      step,
      authority: actor.authority,
    },
  );
}
