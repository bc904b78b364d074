/**
 * What each officer may see in the console, by role (the API enforces the same on every call;
 * this only keeps officers from screens that would answer 403). Pure, so the guard, the menu
 * and the tests agree.
 */
export type Role = 'admin' | 'issuer' | 'revoker' | 'auditor';

export interface Officer {
  username: string;
  authority: string;
  roles: readonly string[];
}

/** The console's areas: one menu entry each. */
export type Area = 'certificates' | 'revocations' | 'evaluation' | 'audit' | 'officers';

/** Reading certificates and issuing them are separate: an auditor reads, only an issuer issues. */
export type Capability = Area | 'issue';

const ALLOWED: Record<Capability, readonly Role[]> = {
  certificates: ['issuer', 'revoker', 'auditor'],
  issue: ['issuer'],
  revocations: ['revoker'],
  // Admins run a round, issuers issue its certificates, auditors read it (the API's roles).
  evaluation: ['admin', 'issuer', 'auditor'],
  audit: ['auditor'],
  officers: ['admin'],
};

export function may(officer: Officer | undefined, capability: Capability): boolean {
  return officer !== undefined && ALLOWED[capability].some((role) => officer.roles.includes(role));
}

export interface MenuEntry {
  area: Area;
  label: string;
  path: string;
}

export const MENU: readonly MenuEntry[] = [
  { area: 'certificates', label: '证书', path: '/certificates' },
  { area: 'revocations', label: '撤销与恢复', path: '/revocations' },
  { area: 'evaluation', label: '评审', path: '/evaluation' },
  { area: 'audit', label: '审计', path: '/audit' },
  { area: 'officers', label: '人员', path: '/officers' },
];

export function menuFor(officer: Officer | undefined): MenuEntry[] {
  return MENU.filter((entry) => may(officer, entry.area));
}

/** Where an officer lands after signing in: the first area they may use. */
export function homePath(officer: Officer | undefined): string {
  return menuFor(officer)[0]?.path ?? '/forbidden';
}
