import { verifyCheckpoint, base64ToBytes, type Checkpoint, type LogVerifier } from './checkpoint';
import { decodeLeaf, type LogLeaf } from './log-leaf';
import { hashKeyId, hashesToStore, leafHash, treeHash, type Hash } from './merkle';
import { sameBytes, verifyConsistency } from './merkle-verify';

/** What the monitor reads: the log's public API, the public registry and notices, and the office's audit chain. */
export interface MonitorSources {
  fetchText(path: string): Promise<{ status: number; text: string }>;
  /** The audit chain's hash at each asked seq (absent: no such entry). */
  auditHashes(seqs: number[]): Promise<Map<number, string>>;
}

export type MonitorResult =
  | { ok: true; from: number; to: number; replayed: number; note: string }
  | { ok: false; problem: string; entry?: number };

interface Entry {
  index: number;
  leaf: string;
}

interface Notice {
  kind: string;
  certificateNo: string | null;
  decisionDocument: string;
}

const PAGE = 1000;

/**
 * The monitor's checks (docs/transparency-log.md, "Monitor"): both signatures on the saved and
 * the current checkpoint, consistency between them, the entries hashing to the current root,
 * every leaf canonical and anchored in the audit chain, and each new act matching the public
 * record. Stops at the first problem, naming the entry.
 */
export async function monitorLog(
  savedNote: string | undefined,
  verifiers: LogVerifier[],
  sources: MonitorSources,
): Promise<MonitorResult> {
  let saved: Checkpoint | undefined;
  if (savedNote !== undefined) {
    const check = await verifyCheckpoint(savedNote, verifiers);
    if (!check.ok) return { ok: false, problem: `the saved checkpoint does not verify: ${check.problem}` };
    saved = check.checkpoint;
  }
  const answer = await sources.fetchText('/log/checkpoint');
  if (answer.status !== 200) return { ok: false, problem: `GET /log/checkpoint answered ${answer.status}` };
  const current = await verifyCheckpoint(answer.text, verifiers);
  if (!current.ok) return { ok: false, problem: `the current checkpoint does not verify: ${current.problem}` };
  const now = current.checkpoint;
  const consistent = await checkConsistency(saved, now, sources);
  if (consistent) return consistent;
  const entries = await fetchEntries(now.size, sources);
  if ('problem' in entries) return entries;
  const leaves = checkTree(entries, now);
  if ('problem' in leaves) return leaves;
  const anchored = await checkAnchors(leaves, sources);
  if (anchored) return anchored;
  const replayed = await replay(leaves, saved?.size ?? 0, sources);
  if (replayed) return replayed;
  return { ok: true, from: saved?.size ?? 0, to: now.size, replayed: now.size - (saved?.size ?? 0), note: answer.text };
}

async function checkConsistency(
  saved: Checkpoint | undefined,
  now: Checkpoint,
  sources: MonitorSources,
): Promise<MonitorResult | undefined> {
  if (!saved || saved.size === 0) return undefined;
  if (now.size < saved.size) return { ok: false, problem: `the log shrank from ${saved.size} to ${now.size} entries` };
  if (now.size === saved.size)
    return sameBytes(now.rootHash, saved.rootHash)
      ? undefined
      : { ok: false, problem: `two different trees of size ${now.size} are both signed (a fork)` };
  const reply = await sources.fetchText(`/api/v1/transparency-log/consistency?from=${saved.size}&to=${now.size}`);
  if (reply.status !== 200) return { ok: false, problem: `the consistency proof was refused (${reply.status})` };
  const proof = (JSON.parse(reply.text) as { hashes: string[] }).hashes.map(base64ToBytes);
  if (!(await verifyConsistency(saved.size, now.size, saved.rootHash, now.rootHash, proof)))
    return { ok: false, problem: `the tree of size ${now.size} does not extend the saved one of size ${saved.size}` };
  return undefined;
}

async function fetchEntries(
  size: number,
  sources: MonitorSources,
): Promise<Entry[] | { ok: false; problem: string; entry: number }> {
  const entries: Entry[] = [];
  while (entries.length < size) {
    const reply = await sources.fetchText(`/api/v1/transparency-log/entries?start=${entries.length}&limit=${PAGE}`);
    const page = reply.status === 200 ? (JSON.parse(reply.text) as Entry[]) : [];
    for (const entry of page) {
      if (entries.length >= size) break;
      if (entry.index !== entries.length)
        return { ok: false, problem: `log entry ${entries.length} is missing`, entry: entries.length };
      entries.push(entry);
    }
    if (page.length === 0)
      return { ok: false, problem: `log entry ${entries.length} is missing`, entry: entries.length };
  }
  return entries;
}

/** Recomputes the root from the entries, as the service built it; names the first non-canonical leaf. */
function checkTree(
  entries: Entry[],
  now: Checkpoint,
): Array<LogLeaf & { index: number }> | { ok: false; problem: string; entry?: number } {
  const table = new Map<string, Hash>();
  const leaves: Array<LogLeaf & { index: number }> = [];
  for (const entry of entries) {
    const bytes = new TextEncoder().encode(entry.leaf);
    const leaf = decodeLeaf(bytes);
    if (!leaf) return { ok: false, problem: `log entry ${entry.index} is not a canonical v1 leaf`, entry: entry.index };
    leaves.push({ ...leaf, index: entry.index });
    for (const h of hashesToStore(entry.index, leafHash(bytes), (l, i) => table.get(hashKeyId(l, i))!))
      table.set(hashKeyId(h.level, h.index), h.hash);
  }
  const root = treeHash(now.size, (l, i) => table.get(hashKeyId(l, i))!);
  if (!sameBytes(root, now.rootHash))
    return {
      ok: false,
      problem: `the ${now.size} entries served do not hash to the signed root (an entry was altered)`,
    };
  return leaves;
}

/** Each leaf's audit anchor must still be the audit chain's hash at that seq: a rewritten chain shows here. */
async function checkAnchors(
  leaves: Array<LogLeaf & { index: number }>,
  sources: MonitorSources,
): Promise<MonitorResult | undefined> {
  const hashes = await sources.auditHashes(leaves.map((l) => l.auditSeq));
  let lastGood = 0;
  for (const leaf of leaves) {
    const now = hashes.get(leaf.auditSeq);
    if (now !== leaf.auditHash)
      return {
        ok: false,
        entry: leaf.index,
        problem: `log entry ${leaf.index} anchors audit entry ${leaf.auditSeq} with hash ${leaf.auditHash.slice(0, 16)}…, the audit log has ${now ? `${now.slice(0, 16)}…` : 'no such entry'}: audit entries ${lastGood + 1}–${leaf.auditSeq} were rewritten or deleted`,
      };
    lastGood = leaf.auditSeq;
  }
  return undefined;
}

/** New acts against the public record: a known certificate, a published notice for each standing revocation and ban. */
async function replay(
  leaves: Array<LogLeaf & { index: number }>,
  from: number,
  sources: MonitorSources,
): Promise<MonitorResult | undefined> {
  const fresh = leaves.filter((l) => l.index >= from);
  if (fresh.length === 0) return undefined;
  const reply = await sources.fetchText('/api/v1/notices');
  if (reply.status !== 200) return { ok: false, problem: `GET /api/v1/notices answered ${reply.status}` };
  const notices = JSON.parse(reply.text) as Notice[];
  const known = new Map<string, boolean>();
  for (const leaf of fresh) {
    const bad = (problem: string): MonitorResult => ({
      ok: false,
      entry: leaf.index,
      problem: `log entry ${leaf.index} (${leaf.kind}${leaf.certificateNo ? ` ${leaf.certificateNo}` : ''}): ${problem}`,
    });
    if (leaf.certificateNo) {
      if (!known.has(leaf.certificateNo)) {
        const found = await sources.fetchText(`/api/v1/registry/certificates/${leaf.certificateNo}`);
        known.set(leaf.certificateNo, found.status === 200);
      }
      if (!known.get(leaf.certificateNo)) return bad('the public registry has no such certificate');
    }
    const reversedLater = leaves.some(
      (l) => l.index > leaf.index && l.kind === 'reinstatement' && l.certificateNo === leaf.certificateNo,
    );
    if (leaf.kind === 'revocation' && !reversedLater) {
      if (
        !notices.some(
          (n) =>
            n.kind === 'REVOCATION' && n.certificateNo === leaf.certificateNo && n.decisionDocument === leaf.document,
        )
      )
        return bad(`no public notice of decision ${leaf.document}`);
    }
    if (leaf.kind === 'ban' && !notices.some((n) => n.kind === 'APPLICANT_BAN' && n.decisionDocument === leaf.document))
      return bad(`no public notice of decision ${leaf.document}`);
  }
  return undefined;
}
