import type { Role } from './access';
import { toApiError } from './api/client';

/** The roles in the order the console offers them, with the words the office uses (docs/office.md). */
export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  issuer: '签发人员',
  revoker: '撤销人员',
  auditor: '审计人员',
};
export const ROLE_ORDER = Object.keys(ROLE_LABELS) as Role[];

/** The service's own rules (src/officers/officers.service.ts), checked first so the admin sees them at once. */
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const PASSWORD_MIN = 12;
const PASSWORD_MAX = 256;

export function usernameProblem(username: string): string | undefined {
  return USERNAME.test(username) ? undefined : '用户名为 3–64 位小写字母、数字、点、连字符或下划线，以字母或数字开头。';
}

export function passwordProblem(password: string, repeated: string): string | undefined {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) return '密码长度应为 12–256 位。';
  return password === repeated ? undefined : '两次输入的密码不一致。';
}

export function rolesProblem(roles: readonly string[]): string | undefined {
  return roles.length > 0 ? undefined : '请至少选择一个角色。';
}

/** A refusal of the officers API in the admin's words (error-messages.ts), the shape rule by field. */
export function officerFailure(body: unknown, status: number): string {
  const problem = toApiError(body, status);
  if (problem.code === 'OFFICER_INVALID') {
    // One code for every shape rule: the message names the field.
    if (problem.serviceMessage.startsWith('username')) return usernameProblem('') ?? problem.message;
    if (problem.serviceMessage.startsWith('password')) return '密码长度应为 12–256 位。';
    return rolesProblem([]) ?? problem.message;
  }
  return problem.message;
}
