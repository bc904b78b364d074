/**
 * The audit log as the console shows it. The service's OpenAPI document declares no body for
 * the audit routes, so their answers are read here defensively instead of trusted as typed.
 */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  authority: string | null;
  action: string;
  subject: string | null;
  details: string;
}

export type ChainCheck = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function toEntry(value: unknown): AuditEntry | undefined {
  if (!isRecord(value) || typeof value.seq !== 'number' || typeof value.action !== 'string') return undefined;
  const text = (field: unknown): string | null => (typeof field === 'string' ? field : null);
  return {
    seq: value.seq,
    at: text(value.at) ?? '',
    actor: text(value.actor) ?? '',
    authority: text(value.authority),
    action: value.action,
    subject: text(value.subject),
    details: text(value.details) ?? '{}',
  };
}

export function toAuditEntries(body: unknown): AuditEntry[] {
  return Array.isArray(body) ? body.map(toEntry).filter((entry) => entry !== undefined) : [];
}

export function toChainCheck(body: unknown): ChainCheck | undefined {
  if (!isRecord(body) || typeof body.entries !== 'number') return undefined;
  if (body.ok === true) return { ok: true, entries: body.entries };
  return typeof body.brokenAt === 'number' ? { ok: false, entries: body.entries, brokenAt: body.brokenAt } : undefined;
}

/** 完整 or 断裂于第 N 条: the auditor needs the first entry that no longer chains, nothing more. */
export function chainLabel(check: ChainCheck): string {
  return check.ok ? `完整（共 ${check.entries} 条）` : `断裂于第 ${check.brokenAt} 条`;
}

/** Rows of the shown page whose action or subject contains the text (the API filters by position only). */
export function matching(entries: readonly AuditEntry[], text: string): AuditEntry[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...entries];
  return entries.filter((entry) => `${entry.action} ${entry.subject ?? ''}`.toLowerCase().includes(needle));
}
