/*
 * The log's leaf: version 1 is UTF-8 text, seven lines in a fixed order, each ending in "\n"
 * (docs/transparency-log.md, "Leaf"). Text, so that anyone can read an entry and recompute its
 * hash with a shell; canonical, because parsing re-encodes and must give the same bytes back.
 * Pure and isomorphic: the /v page and the monitor parse leaves with this file.
 */
import { CERTIFICATE_NO_PATTERN } from '../common/qualifications';

export const LEAF_VERSION_LINE = 'zjzc-tlog-leaf v1';

export const LEAF_KINDS = ['issuance', 'revocation', 'reinstatement', 'ban'] as const;
export type LeafKind = (typeof LEAF_KINDS)[number];

export interface LogLeaf {
  kind: LeafKind;
  /** The certificate the act is about; null for a ban on an applicant who holds none. */
  certificateNo: string | null;
  /** The act's public date (YYYY-MM-DD): issued on, effective on, banned from. */
  date: string;
  /** The public document number: the joint approval document, or the decision document. */
  document: string;
  /** SHA-256 (hex) of the signed credential text, or of the decision's canonical JSON. */
  subjectSha256: string;
  /** The audit chain head in the same transaction: the entry recording this act. */
  auditSeq: number;
  auditHash: string;
}

/** What an act's leaf says of the act; the writer adds the anchor (src/transparency/act-writer.ts). */
export type LeafFacts = Omit<LogLeaf, 'auditSeq' | 'auditHash'>;

const HEX64 = /^[0-9a-f]{64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The canonical bytes of a leaf; refuses a value that could not be parsed back to itself. */
export function encodeLeaf(leaf: LogLeaf): Uint8Array {
  const problem = leafProblem(leaf);
  if (problem) throw new Error(`log leaf refused: ${problem}`);
  const lines = [
    LEAF_VERSION_LINE,
    `kind ${leaf.kind}`,
    `certificate ${leaf.certificateNo ?? '-'}`,
    `date ${leaf.date}`,
    // JSON quoting: any document text (spaces, quotes, 〔〕) stays on one line, one way.
    `document ${JSON.stringify(leaf.document)}`,
    `sha256 ${leaf.subjectSha256}`,
    `audit ${leaf.auditSeq} ${leaf.auditHash}`,
  ];
  return new TextEncoder().encode(lines.map((line) => `${line}\n`).join(''));
}

function leafProblem(leaf: LogLeaf): string | undefined {
  if (!(LEAF_KINDS as readonly string[]).includes(leaf.kind)) return `unknown kind ${String(leaf.kind)}`;
  if (leaf.certificateNo !== null && !CERTIFICATE_NO_PATTERN.test(leaf.certificateNo)) return 'bad certificate number';
  if (!DATE.test(leaf.date)) return 'bad date';
  if (typeof leaf.document !== 'string') return 'bad document';
  if (!HEX64.test(leaf.subjectSha256)) return 'bad sha256';
  if (!Number.isSafeInteger(leaf.auditSeq) || leaf.auditSeq < 1) return 'bad audit seq';
  if (!HEX64.test(leaf.auditHash)) return 'bad audit hash';
  return undefined;
}

/** Parses a leaf; undefined unless it is exactly the canonical encoding of a valid v1 leaf. */
export function decodeLeaf(bytes: Uint8Array): LogLeaf | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  if (lines.length !== 8 || lines[7] !== '' || lines[0] !== LEAF_VERSION_LINE) return undefined;
  const value = (line: string, name: string) => (line.startsWith(`${name} `) ? line.slice(name.length + 1) : undefined);
  const audit = /^(\d+) ([0-9a-f]{64})$/.exec(value(lines[6], 'audit') ?? '');
  const certificate = value(lines[2], 'certificate');
  let document: unknown;
  try {
    document = JSON.parse(value(lines[4], 'document') ?? 'null');
  } catch {
    return undefined;
  }
  if (!audit || certificate === undefined || typeof document !== 'string') return undefined;
  const leaf = {
    kind: value(lines[1], 'kind') as LeafKind,
    certificateNo: certificate === '-' ? null : certificate,
    date: value(lines[3], 'date') ?? '',
    document,
    subjectSha256: value(lines[5], 'sha256') ?? '',
    auditSeq: Number(audit[1]),
    auditHash: audit[2],
  };
  if (leafProblem(leaf)) return undefined;
  const again = encodeLeaf(leaf);
  return again.length === bytes.length && again.every((b, i) => b === bytes[i]) ? leaf : undefined;
}
