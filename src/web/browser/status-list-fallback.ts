/**
 * When the registry cannot be reached, the status list (docs/status-list.md) still tells
 * whether a certificate is revoked: signed by both authorities, verified here with the same
 * pure verifier, and kept in localStorage for the next offline visit until it expires.
 */
import type { KeyLookup } from '../../signing/credential-verifier';
import { checkStatusListSignatures, statusAt } from '../../signing/status-list';

const STORAGE_KEY = 'zjzc.statuslist.v1';
const STATUS_LIST_URL = '/api/v1/status-lists/1';

export interface ListStatus {
  revoked: boolean;
  /** When the authorities issued the list (its `iat`), ISO instant. */
  listIssuedAt: string;
}

async function fetchList(): Promise<unknown> {
  try {
    const response = await fetch(STATUS_LIST_URL, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const list: unknown = await response.json();
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
    } catch {
      // No storage: the list still serves this visit.
    }
    return list;
  } catch {
    try {
      const text = localStorage.getItem(STORAGE_KEY);
      return text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The status of one index from a genuine, unexpired list; null when none can be had. */
export async function statusFromList(index: number, keys: KeyLookup, now = new Date()): Promise<ListStatus | null> {
  const list = await fetchList();
  if (list === undefined) return null;
  const check = await checkStatusListSignatures(list, keys, now);
  if (!check.ok || !check.claims || check.claims.exp * 1000 < now.getTime()) return null;
  const bit = await statusAt(check.claims.status_list.lst, index);
  if (bit === undefined) return null;
  return { revoked: bit === 1, listIssuedAt: new Date(check.claims.iat * 1000).toISOString() };
}
