/** Writes the verification result into the page. Text only (textContent), never markup. */
import { AUTHORITY_NAMES } from '../../keys/authority';
import type { SignatureCheck } from '../../signing/credential-verifier';
import type { TokenClaims } from '../../signing/token-claims';
import type { Verdict } from './verdict';

function element<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the page`);
  return found as T;
}

function make(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Puts the result card first and hides the introduction. */
export function showResultCard(): void {
  element('result').hidden = false;
  element('intro').hidden = true;
}

export function renderVerdict(verdict: Verdict): void {
  element('verdict').className = `verdict verdict-${verdict.verdictClass}`;
  element('verdict-title').textContent = verdict.title;
  element('verdict-detail').textContent = verdict.detail;
}

export function renderFields(rows: Array<[string, string]>): void {
  element('fields').replaceChildren(
    ...rows.map(([label, value]) => {
      const row = make('div', 'field');
      row.append(make('dt', '', label), make('dd', '', value));
      return row;
    }),
  );
}

/** One line per signature: the authority, and whether its signature verified. */
export function renderSignatures(check: SignatureCheck<TokenClaims> | null): void {
  const list = element('signatures');
  // The payload is set only when the checks reached the cryptography.
  const verified = check !== null && check.payload !== null;
  const items = (check?.signatures ?? []).map((outcome, index) => {
    const name = outcome.authority ? AUTHORITY_NAMES[outcome.authority].zh : `第 ${index + 1} 个签名：未知密钥`;
    const state = !verified ? 'unchecked' : outcome.valid ? 'valid' : 'invalid';
    const label = { unchecked: '未能核验', valid: '签名有效', invalid: '签名无效' }[state];
    const item = make('li', `signature signature-${state}`);
    item.append(make('span', 'signature-name', name), make('span', 'signature-state', label));
    return item;
  });
  list.replaceChildren(
    ...(items.length > 0 ? items : [make('li', 'signature signature-unchecked', '未能读取二维码中的电子签名。')]),
  );
}

export function renderNote(lines: string[]): void {
  element('checked-at').textContent = lines.join(' ');
}

export function setFileStatus(text: string, kind: 'busy' | 'error' | 'done'): void {
  const status = element('file-status');
  status.textContent = text;
  status.className = `file-status file-status-${kind}`;
}

export function scrollToResult(): void {
  element('result').scrollIntoView({ block: 'start' });
}
