// The audit screen's words for the service's acts, run by the unit project under Node beside the
// service's source, so an act the service starts recording without a Chinese name fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROUND_STATES } from '../../../src/evaluation/round-states';
import { AUDIT_ACTION_NAMES, auditActionName } from './audit-log';

const SRC = join(__dirname, '..', '..', '..', 'src');

/** Every act the service records: the literal actions in its source, and the ones it composes. */
function serviceActions(): string[] {
  const literal = (readdirSync(SRC, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .flatMap((file) => [...readFileSync(join(SRC, file), 'utf8').matchAll(/action: '([a-z._-]+)'/g)].map((m) => m[1]));
  const composed = [
    ...['revocation', 'reinstatement'].flatMap((kind) =>
      ['proposed', 'confirmed', 'rejected'].map((s) => `${kind}.${s}`),
    ),
    ...['confirmed', 'rejected'].map((state) => `applicant-ban.${state}`),
    ...ROUND_STATES.map((state) => `evaluation.round.${state.toLowerCase()}`),
  ];
  return [...new Set([...literal, ...composed])].sort();
}

describe('the audit screen names every act in Chinese', () => {
  it('has a name for each act the service records, and none for an act it does not', () => {
    const actions = serviceActions();
    expect(actions.length).toBeGreaterThan(30);
    expect(actions.filter((action) => !(action in AUDIT_ACTION_NAMES))).toEqual([]);
    expect(Object.keys(AUDIT_ACTION_NAMES).filter((action) => !actions.includes(action))).toEqual([]);
  });

  it('keeps the code of an act it does not know', () => {
    expect(auditActionName('certificate.issued')).toBe('签发证书');
    expect(auditActionName('something.new')).toBe('something.new');
  });
});
