import { LEVEL_NAMES, SPECIALTY_NAMES, type Level, type Specialty } from '../common/qualifications';

/**
 * What a person reads after a step: people by name, in the data's Chinese, with the facts the
 * step decided about them. Pure: the commands fetch, these functions only write lines.
 */

export interface Applicant {
  id: number;
  name: string;
  employer: string;
  specialty: Specialty;
  eligible: boolean | null;
  ineligibleReason: string | null;
  withheld: boolean;
  certificateNo: string | null;
}

export interface Votes {
  yes: number;
  no: number;
  abstentions: number;
  passed: boolean;
}

export interface Member {
  code: string;
  name: string;
  affiliation: string;
  specialty: string;
  role: string;
}

const ROLE_NAMES: Record<string, string> = { chair: '主任委员', 'vice-chair': '副主任委员', member: '委员' };

export function roundTitle(round: { id: number; level: Level; year: number }): string {
  return `Round ${round.id} (${round.year} 年度 ${LEVEL_NAMES[round.level]})`;
}

/** `#3 张三（浙江省计量科学研究院，计量）`: the number is what objection:add takes. */
export function applicantLabel(a: Pick<Applicant, 'id' | 'name' | 'employer' | 'specialty'>): string {
  return `#${a.id} ${a.name}（${a.employer}，${SPECIALTY_NAMES[a.specialty] ?? a.specialty}）`;
}

export function memberLabel(m: Member): string {
  const specialty = SPECIALTY_NAMES[m.specialty as Specialty] ?? m.specialty;
  return `${m.code} ${m.name}（${m.affiliation}，${specialty}，${ROLE_NAMES[m.role] ?? m.role}）`;
}

/** A heading with its count, then one indented line per entry; nothing when there are none. */
function section(heading: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : [`${heading} (${lines.length}):`, ...lines.map((line) => `  ${line}`)];
}

/** After the eligibility check: who may be voted on, and who not and why. */
export function eligibilityLines(applicants: Applicant[]): string[] {
  return [
    ...section(
      'Eligible',
      applicants.filter((a) => a.eligible).map((a) => applicantLabel(a)),
    ),
    ...section(
      'Not eligible',
      applicants.filter((a) => a.eligible === false).map((a) => `${applicantLabel(a)}: ${a.ineligibleReason ?? ''}`),
    ),
  ];
}

export function votesText(v: Votes): string {
  return `赞成 ${v.yes} · 反对 ${v.no} · 弃权 ${v.abstentions}`;
}

/** After the meeting: who was there, who passed with what votes, who did not. */
export function meetingLines(
  committee: Member[],
  present: readonly string[],
  results: Array<{ applicant: Applicant; votes: Votes }>,
): string[] {
  const absent = committee.filter((m) => !present.includes(m.code));
  return [
    `Present: ${present.length} of ${committee.length} members.`,
    ...section('Absent', absent.map(memberLabel)),
    ...section(
      'Passed',
      results.filter((r) => r.votes.passed).map((r) => `${applicantLabel(r.applicant)}  ${votesText(r.votes)}`),
    ),
    ...section(
      'Not passed',
      results.filter((r) => !r.votes.passed).map((r) => `${applicantLabel(r.applicant)}  ${votesText(r.votes)}`),
    ),
  ];
}

/** After issuance: each certificate number with its holder. */
export function certificateLines(applicants: Applicant[]): string[] {
  return section(
    'Certificates',
    applicants
      .filter((a) => a.certificateNo !== null)
      .map((a) => `${a.certificateNo}  ${a.name}（${a.employer}，${SPECIALTY_NAMES[a.specialty] ?? a.specialty}）`),
  );
}
