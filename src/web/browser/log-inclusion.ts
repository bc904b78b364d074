/**
 * The transparency log in the browser (docs/transparency-log.md): fetches the certificate's
 * inclusion proof and verifies, on this device, both authorities' signatures on the checkpoint
 * and the RFC 9162 proof from the issuance leaf to its root, with the server's own pure code.
 */
import { AUTHORITY_IDS } from '../../keys/authority';
import { base64ToBytes, importVerifierKey, verifyCheckpoint } from '../../transparency/checkpoint';
import { decodeLeaf } from '../../transparency/log-leaf';
import { leafHashOf, verifyInclusion } from '../../transparency/merkle-verify';

export type LogInclusion =
  | { kind: 'included'; index: number; treeSize: number }
  /** The log answered that it holds no issuance entry for this certificate. */
  | { kind: 'missing' }
  /** The log answered with something that does not verify. */
  | { kind: 'failed'; problem: string }
  | { kind: 'unreachable' };

interface ProofAnswer {
  index: number;
  treeSize: number;
  leaf: string;
  hashes: string[];
  checkpoint: string;
}

async function getJson(path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  return { status: response.status, body: await response.json().catch(() => null) };
}

export async function checkLogInclusion(certificateNo: string): Promise<LogInclusion> {
  let keys: { status: number; body: unknown };
  let proof: { status: number; body: unknown };
  try {
    [keys, proof] = await Promise.all([
      getJson('/api/v1/transparency-log/keys'),
      getJson(`/api/v1/transparency-log/inclusion/${encodeURIComponent(certificateNo)}`),
    ]);
  } catch {
    return { kind: 'unreachable' };
  }
  if (proof.status === 404) return { kind: 'missing' };
  if (keys.status !== 200 || proof.status !== 200) return { kind: 'unreachable' };
  try {
    const vkeys = (keys.body as { keys: Record<string, string> }).keys;
    const verifiers = await Promise.all(AUTHORITY_IDS.map((a) => importVerifierKey(a, vkeys[a])));
    const answer = proof.body as ProofAnswer;
    const checked = await verifyCheckpoint(answer.checkpoint, verifiers);
    if (!checked.ok) return { kind: 'failed', problem: checked.problem };
    const leafBytes = new TextEncoder().encode(answer.leaf);
    const leaf = decodeLeaf(leafBytes);
    if (!leaf || leaf.kind !== 'issuance' || leaf.certificateNo !== certificateNo)
      return { kind: 'failed', problem: 'the entry is not this certificate’s issuance' };
    const ok = await verifyInclusion(
      answer.index,
      checked.checkpoint.size,
      await leafHashOf(leafBytes),
      answer.hashes.map(base64ToBytes),
      checked.checkpoint.rootHash,
    );
    return ok
      ? { kind: 'included', index: answer.index, treeSize: checked.checkpoint.size }
      : { kind: 'failed', problem: 'the inclusion proof does not verify' };
  } catch {
    return { kind: 'failed', problem: 'malformed answer' };
  }
}

/** The page's line about the log, in Chinese. */
export function logInclusionNote(result: LogInclusion): string {
  switch (result.kind) {
    case 'included':
      return `已公开登记（登记序号 ${result.index}）：本设备已核验该证书在公开透明日志中的包含证明，以及两个发证机关对日志检查点的签名。`;
    case 'missing':
      return '未在公开透明日志中找到该证书的签发登记（未公开登记），不能认定为有效。';
    case 'failed':
      return '公开透明日志对该证书的登记证明未通过本设备的核验，不能认定为有效。';
    case 'unreachable':
      return '暂时无法连接公开透明日志，未能核验该证书的公开登记。';
  }
}
