/**
 * The 证书 screen's search, as pure functions: which lookup the officer asked for, and how a
 * certificate's status history reads. The API is the judge of each value; this only routes.
 */
export interface SearchForm {
  certificateNo: string;
  name: string;
  idNumber: string;
}

export type SearchRequest =
  | { kind: 'number'; certificateNo: string }
  | { kind: 'holder'; query: { name?: string; idNumber?: string } }
  | { kind: 'empty' };

/**
 * A number opens that certificate; a name, an ID number or both list the holders' certificates.
 * Numbers and the ID number's check letter are upper case; officers often type them in lower case.
 */
export function searchRequest(form: SearchForm): SearchRequest {
  const certificateNo = form.certificateNo.trim().toUpperCase();
  const name = form.name.trim();
  const idNumber = form.idNumber.trim().toUpperCase();
  if (certificateNo && !name && !idNumber) return { kind: 'number', certificateNo };
  if (!certificateNo && (name || idNumber))
    return { kind: 'holder', query: { ...(name ? { name } : {}), ...(idNumber ? { idNumber } : {}) } };
  return { kind: 'empty' };
}

/** Reads a route's query back into the form, so returning from a detail shows the same results. */
export function formFromQuery(query: Record<string, unknown>): SearchForm {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return { certificateNo: '', name: text(query.name), idNumber: text(query.idNumber) };
}

export const STATUS_NAMES: Record<string, string> = { VALID: '有效', REVOKED: '已撤销' };

export const EVENT_NAMES: Record<string, string> = { ISSUED: '签发', REVOKED: '撤销', REINSTATED: '恢复' };
