import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { entryHash, type ChainedFields } from '../../src/audit/audit-chain';
import { AUTHORITY_IDS } from '../../src/keys/authority';
import {
  base64ToBytes,
  importVerifierKey,
  verifyCheckpoint,
  type LogVerifier,
} from '../../src/transparency/checkpoint';
import { decodeLeaf } from '../../src/transparency/log-leaf';
import { leafHashOf, verifyConsistency, verifyInclusion } from '../../src/transparency/merkle-verify';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { CHECKPOINT_DELAY_MS, TransparencyLogService } from '../../src/transparency/transparency-log.service';
import { issuanceRequest, makeIdNumber } from '../support/builders';
import { CertificatesService } from '../../src/certificates/certificates.service';
import type { IssueCertificateDto } from '../../src/certificates/dto/issue-certificate.dto';
import { runCli } from '../support/office-cli';
import { api, bypassAuditTriggers, officer, Officer, startTestApp, TEST_DB, TestApp } from '../support/test-app';

const run = promisify(execFile);
const TODAY = new Date('2026-11-27T02:00:00Z');
const LOG = '/api/v1/transparency-log';
const BATCH_FACTS = {
  kind: 'issuance' as const,
  certificateNo: 'ZJZ2026000777',
  date: '2026-11-27',
  document: '浙市监人〔2026〕12号',
  subjectSha256: 'c'.repeat(64),
};

describe('transparency log (e2e)', () => {
  let t: TestApp;
  let issuer: Officer;
  let amrRevoker: Officer;
  let hrssRevoker: Officer;
  let verifiers: LogVerifier[];
  let vkeys: string[];

  beforeAll(async () => {
    t = await startTestApp({ now: TODAY });
    const keys = (await api(t, 'GET', `${LOG}/keys`)).body as { keys: Record<string, string> };
    vkeys = AUTHORITY_IDS.map((a) => keys.keys[a]);
    verifiers = await Promise.all(AUTHORITY_IDS.map((a) => importVerifierKey(a, keys.keys[a])));
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    t.clock.set(TODAY);
    await t.reset();
    issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    amrRevoker = await officer(t, 'amr-revoker', 'amr', ['revoker']);
    hrssRevoker = await officer(t, 'hrss-revoker', 'hrss', ['revoker']);
  });

  async function issue(idNumber = '330102198001011272'): Promise<{ certificateNo: string; credential: unknown }> {
    t.clock.set(new Date('2026-11-21T02:00:00Z'));
    const issued = await api(
      t,
      'POST',
      '/api/v1/certificates',
      issuanceRequest({}, { idNumber, gender: Number(idNumber[16]) % 2 ? '男' : '女' }),
      issuer.token,
    );
    t.clock.set(TODAY);
    expect(issued.status).toBe(201);
    return { certificateNo: issued.body.certificateNo as string, credential: issued.body.credential };
  }

  async function decide(kind: 'revocations' | 'reinstatements', certificateNo: string, document: string) {
    const body = {
      certificateNo,
      description: kind === 'revocations' ? '申报材料中的业绩证明系伪造。' : '复审认定证据不实。',
      decisionDocument: document,
      decisionDate: '2026-11-26',
      effectiveDate: '2026-11-26',
      ...(kind === 'revocations' ? { reasonCategory: 'falsified-materials', serious: false } : {}),
    };
    const proposed = await api(t, 'POST', `/api/v1/${kind}`, body, amrRevoker.token);
    expect(proposed.status).toBe(201);
    const confirmed = await api(
      t,
      'POST',
      `/api/v1/${kind}/${proposed.body.id as number}/confirmation`,
      undefined,
      hrssRevoker.token,
    );
    expect(confirmed.body.state).toBe('CONFIRMED');
  }

  async function checkpoint(treeSize?: number) {
    const reply = await api(t, 'GET', `${LOG}/checkpoint${treeSize === undefined ? '' : `?treeSize=${treeSize}`}`);
    expect(reply.status).toBe(200);
    const check = await verifyCheckpoint(reply.body.note as string, verifiers);
    if (!check.ok) throw new Error(check.problem);
    return { note: reply.body.note as string, ...check.checkpoint };
  }

  it('logs issue, revoke and reinstate, each with a co-signed checkpoint; proofs and tiles verify', async () => {
    const empty = await checkpoint();
    expect(empty.size).toBe(0);
    // A monitor reads the log after each act: each read is answered with a checkpoint covering it.
    const { certificateNo, credential } = await issue();
    expect((await checkpoint()).size).toBe(1);
    await decide('revocations', certificateNo, '浙市监人〔2026〕40号');
    expect((await checkpoint()).size).toBe(2);
    await decide('reinstatements', certificateNo, '浙人社〔2026〕8号');
    expect((await checkpoint()).size).toBe(3);

    const entries = (await api(t, 'GET', `${LOG}/entries`)).body as Array<{
      index: number;
      kind: string;
      leaf: string;
    }>;
    expect(entries.map((e) => [e.index, e.kind])).toEqual([
      [0, 'issuance'],
      [1, 'revocation'],
      [2, 'reinstatement'],
    ]);
    const issuance = decodeLeaf(new TextEncoder().encode(entries[0].leaf));
    expect(issuance).toMatchObject({ kind: 'issuance', certificateNo, date: '2026-11-21' });
    const [stored] = await t.dataSource.query<Array<{ credential: string }>>(
      `SELECT credential FROM certificates WHERE certificate_no = '${certificateNo}'`,
    );
    expect(issuance?.subjectSha256).toBe(createHash('sha256').update(stored.credential).digest('hex'));
    // No full ID number anywhere in the public log.
    expect(entries.map((e) => e.leaf).join('')).not.toContain('330102198001011272');
    // The leaf anchors the audit entry of its act.
    const [audit] = await t.dataSource.query<Array<{ seq: number; hash: string; action: string }>>(
      `SELECT seq, hash, action FROM audit_log WHERE seq = ${issuance!.auditSeq}`,
    );
    expect([audit.action, audit.hash]).toEqual(['certificate.issued', issuance!.auditHash]);

    // The checkpoints those reads were answered with are all kept and consistent with each other.
    const sizes = [await checkpoint(1), await checkpoint(2), await checkpoint(3)];
    const latest = await checkpoint();
    expect(latest.size).toBe(3);
    expect(latest.note).toBe(sizes[2].note);
    expect(latest.note.split('\n').filter((l) => l.startsWith('\u2014 '))).toHaveLength(2);
    for (const [from, to] of [
      [1, 3],
      [2, 3],
      [1, 2],
    ]) {
      const proof = await api(t, 'GET', `${LOG}/consistency?from=${from}&to=${to}`);
      expect(proof.headers.get('cache-control')).toContain('immutable');
      const ok = await verifyConsistency(
        from,
        to,
        sizes[from - 1].rootHash,
        sizes[to - 1].rootHash,
        (proof.body.hashes as string[]).map(base64ToBytes),
      );
      expect([from, to, ok]).toEqual([from, to, true]);
    }

    // Inclusion, now and in the tree of size 1.
    for (const treeSize of [undefined, 1]) {
      const inclusion = await api(
        t,
        'GET',
        `${LOG}/inclusion/${certificateNo}${treeSize ? `?treeSize=${treeSize}` : ''}`,
      );
      expect(inclusion.status).toBe(200);
      const note = await verifyCheckpoint(inclusion.body.checkpoint as string, verifiers);
      expect(note.ok).toBe(true);
      const root = note.ok ? note.checkpoint.rootHash : new Uint8Array();
      const leafHash = await leafHashOf(new TextEncoder().encode(inclusion.body.leaf as string));
      await expect(
        verifyInclusion(
          0,
          inclusion.body.treeSize as number,
          leafHash,
          (inclusion.body.hashes as string[]).map(base64ToBytes),
          root,
        ),
      ).resolves.toBe(true);
    }

    // The verification API adds the log index and the proof's outcome.
    const verified = await api(t, 'POST', '/api/v1/verifications', { credential });
    expect(verified.body).toMatchObject({ verdict: 'VALID', log: { index: 0, treeSize: 3, inclusionVerified: true } });

    // C2SP tiles: level 0 partial tile = the three leaf hashes; the entry bundle = the three leaves.
    const tile = await fetch(`${t.baseUrl}/log/tile/0/000.p/3`);
    expect(tile.status).toBe(200);
    const expected = Buffer.concat(await Promise.all(entries.map((e) => leafHashOf(new TextEncoder().encode(e.leaf)))));
    expect(Buffer.from(await tile.arrayBuffer()).equals(expected)).toBe(true);
    expect(tile.headers.get('cache-control')).not.toContain('immutable');
    const bundle = Buffer.from(await (await fetch(`${t.baseUrl}/log/tile/entries/000.p/3`)).arrayBuffer());
    expect(bundle.readUInt16BE(0)).toBe(Buffer.byteLength(entries[0].leaf));
    expect(await (await fetch(`${t.baseUrl}/log/checkpoint`)).text()).toBe(latest.note);
  });

  it('an independent implementation (Python hashlib + cryptography) verifies signatures and proofs', async () => {
    const { certificateNo } = await issue();
    const old = await checkpoint();
    await decide('revocations', certificateNo, '浙市监人〔2026〕41号');
    await issue('11010519491231002X');
    const inclusion = (await api(t, 'GET', `${LOG}/inclusion/${certificateNo}`)).body;
    const consistency = (await api(t, 'GET', `${LOG}/consistency?from=1&to=3`)).body;
    const input = join(mkdtempSync(join(tmpdir(), 'zjzc-tlog-')), 'input.json');
    writeFileSync(
      input,
      JSON.stringify({
        vkeys,
        checkpoint: inclusion.checkpoint,
        inclusion,
        consistency: { old: old.note, hashes: consistency.hashes },
      }),
    );
    const { stdout } = await run('/usr/bin/python3', [join(__dirname, '../interop/verify_tlog.py'), input]);
    expect(stdout).toContain('inclusion of entry 0 in size 3 ok');
    expect(stdout).toContain('consistency 1 -> 3 ok');
    expect(stdout.match(/both signatures ok/g)).toHaveLength(2);
  });

  it('answers every bad parameter with a 4xx and a stable code', async () => {
    await issue();
    const cases: Array<[string, number, string]> = [
      [`${LOG}/checkpoint?treeSize=abc`, 400, 'LOG_PARAMETER_INVALID'],
      [`${LOG}/checkpoint?treeSize=99`, 404, 'LOG_TREE_SIZE_UNKNOWN'],
      [`${LOG}/inclusion/ZJZ2026999999`, 404, 'LOG_ENTRY_NOT_FOUND'],
      [`${LOG}/inclusion/not-a-number`, 400, 'LOG_PARAMETER_INVALID'],
      [`${LOG}/inclusion/ZJZ2026000001?treeSize=-1`, 400, 'LOG_PARAMETER_INVALID'],
      [`${LOG}/inclusion/ZJZ2026000001?treeSize=7`, 404, 'LOG_TREE_SIZE_UNKNOWN'],
      [`${LOG}/consistency?from=0&to=1`, 400, 'LOG_PARAMETER_INVALID'],
      [`${LOG}/consistency?from=1`, 400, 'LOG_PARAMETER_INVALID'],
      [`${LOG}/consistency?from=2&to=1`, 400, 'LOG_PARAMETER_INVALID'],
      [`${LOG}/consistency?from=1&to=5`, 404, 'LOG_TREE_SIZE_UNKNOWN'],
      [`${LOG}/entries?limit=0`, 400, 'LOG_PARAMETER_INVALID'],
      [`${LOG}/entries?limit=1001`, 400, 'LOG_PARAMETER_INVALID'],
      [`${LOG}/entries?start=1.5`, 400, 'LOG_PARAMETER_INVALID'],
      // Past the database's 32-bit indices: refused, not a 500 from the column's range.
      [`${LOG}/entries?start=2147483648`, 400, 'LOG_PARAMETER_INVALID'],
      [`${LOG}/checkpoint?treeSize=2147483648`, 400, 'LOG_PARAMETER_INVALID'],
      [`${LOG}/inclusion/ZJZ2026000001?treeSize=9007199254740991`, 400, 'LOG_PARAMETER_INVALID'],
      [`${LOG}/consistency?from=2147483648&to=2147483649`, 400, 'LOG_PARAMETER_INVALID'],
      ['/log/tile/0/x999/x999/999', 404, 'LOG_TILE_NOT_FOUND'],
      ['/log/tile/entries/x999/x999/999.p/5', 404, 'LOG_TILE_NOT_FOUND'],
      ['/log/tile/0/000', 404, 'LOG_TILE_NOT_FOUND'],
      ['/log/tile/0/000.p/2', 404, 'LOG_TILE_NOT_FOUND'],
      ['/log/tile/0/x000/000', 400, 'LOG_PARAMETER_INVALID'],
      ['/log/tile/0/1', 400, 'LOG_PARAMETER_INVALID'],
      ['/log/tile/0/000.p/256', 400, 'LOG_PARAMETER_INVALID'],
      ['/log/tile/entries/000.p/0', 400, 'LOG_PARAMETER_INVALID'],
    ];
    for (const [path, status, code] of cases) {
      const reply = await api(t, 'GET', path);
      // A refusal is never cached: the proof or tile asked for may exist once the log grows.
      expect([path, reply.status, reply.body.code, reply.headers.get('cache-control')]).toEqual([
        path,
        status,
        code,
        'no-store',
      ]);
    }
    expect((await api(t, 'GET', '/log/tile/0/000.p/1')).status).toBe(200);
    expect((await api(t, 'GET', `${LOG}/entries?start=2147483647`)).body).toEqual([]);
  });

  (TEST_DB === 'postgres' ? it : it.skip)(
    'on PostgreSQL, the service role may only read and append the log',
    async () => {
      await issue();
      for (const sql of [
        'DELETE FROM transparency_log_entries',
        "UPDATE transparency_log_hashes SET hash = 'x'",
        'DELETE FROM transparency_checkpoints',
      ])
        await expect(t.dataSource.query(sql)).rejects.toThrow(/permission denied/);
    },
  );

  it('a batch appends without checkpoints and signs one at its end', async () => {
    await issue();
    expect((await checkpoint()).size).toBe(1);
    const log = t.app.get(TransparencyLogService);
    await t.app.get(TransactionRunner).run(async (m) => {
      for (let i = 0; i < 3; i++) await log.append(m, { ...BATCH_FACTS }, { checkpoint: false });
      await log.checkpoint(m);
    });
    expect((await checkpoint()).size).toBe(4);
    expect((await api(t, 'GET', `${LOG}/checkpoint?treeSize=3`)).body.code).toBe('LOG_TREE_SIZE_UNKNOWN');
    const proof = await api(t, 'GET', `${LOG}/consistency?from=1&to=4`);
    await expect(
      verifyConsistency(
        1,
        4,
        (await checkpoint(1)).rootHash,
        (await checkpoint(4)).rootHash,
        (proof.body.hashes as string[]).map(base64ToBytes),
      ),
    ).resolves.toBe(true);
  });

  it('groups of issuances of many sizes build the tree an independent RFC 9162 computation gives', async () => {
    // The writer reads the tree's frontier in SQL (one complete subtree per set bit of the size):
    // sizes 1, 3, 6, 11, 18, 29, 33 and 49 cover frontiers of one to five subtrees.
    const certificates = t.app.get(CertificatesService);
    const actor = { actor: 'amr-issuer', authority: 'amr' as const };
    const sha256 = (...parts: Uint8Array[]) => {
      const hash = createHash('sha256');
      for (const part of parts) hash.update(part);
      return new Uint8Array(hash.digest());
    };
    // RFC 9162 §2.1.1: MTH over the leaves, split at the largest power of two below n.
    const mth = (leaves: Uint8Array[]): Uint8Array => {
      if (leaves.length === 1) return sha256(Uint8Array.of(0), leaves[0]);
      let k = 1;
      while (k * 2 < leaves.length) k *= 2;
      return sha256(Uint8Array.of(1), mth(leaves.slice(0, k)), mth(leaves.slice(k)));
    };
    let holder = 0;
    for (const size of [1, 2, 3, 5, 7, 11, 4, 16]) {
      t.clock.set(new Date('2026-11-21T02:00:00Z'));
      const requests = Array.from(
        { length: size },
        // Odd sequence numbers: men, as the builder's holder.
        () =>
          issuanceRequest(
            {},
            { idNumber: makeIdNumber('1970-05-05', 2 * ++holder - 1) },
          ) as unknown as IssueCertificateDto,
      );
      // In one moment: GroupCommit writes them as one group.
      await Promise.all(requests.map((request) => certificates.issue(request, actor)));
      t.clock.set(TODAY);
      const entries = (await api(t, 'GET', `${LOG}/entries`)).body as Array<{ index: number; leaf: string }>;
      expect(entries.map((e) => e.index)).toEqual(entries.map((_, k) => k));
      const latest = await checkpoint();
      expect(latest.size).toBe(holder);
      expect(Buffer.from(latest.rootHash).toString('hex')).toBe(
        Buffer.from(mth(entries.map((e) => new TextEncoder().encode(e.leaf)))).toString('hex'),
      );
    }
  });

  it('a deferred checkpoint once cancelled is never signed (the test reset relies on it)', async () => {
    await issue();
    await t.app.get(TransparencyLogService).cancelDeferredCheckpoint();
    await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_DELAY_MS + 300));
    const [row] = await t.dataSource.query<Array<{ n: number | string }>>(
      'SELECT COUNT(*) AS n FROM transparency_checkpoints',
    );
    expect(Number(row.n)).toBe(0);
    // The next reader gets one signed on demand.
    expect((await checkpoint()).size).toBe(1);
  });

  it('a certificate missing from the log is not VALID', async () => {
    const { certificateNo, credential } = await issue();
    await bypassAuditTriggers(t.dataSource, async (sql) => {
      await sql(`DELETE FROM transparency_log_entries WHERE certificate_no = '${certificateNo}'`);
    });
    const verified = await api(t, 'POST', '/api/v1/verifications', { credential });
    expect(verified.body).toMatchObject({
      verdict: 'INVALID',
      log: null,
      reasons: [{ code: 'NOT_IN_TRANSPARENCY_LOG' }],
    });
  });

  it('a proof that no longer reaches the signed root is LOG_PROOF_INVALID, after a VALID answer for the same checkpoint', async () => {
    const first = await issue();
    await issue('330102198001011280');
    await checkpoint();
    const verify = () => api(t, 'POST', '/api/v1/verifications', { credential: first.credential });
    // The checkpoint's check is kept per note: the next answers must still check the proof itself.
    expect((await verify()).body.verdict).toBe('VALID');
    const [sibling] = await t.dataSource.query<Array<{ hash: string }>>(
      'SELECT hash FROM transparency_log_hashes WHERE level = 0 AND idx = 1',
    );
    await bypassAuditTriggers(t.dataSource, async (sql) => {
      await sql(`UPDATE transparency_log_hashes SET hash = '${'0'.repeat(64)}' WHERE level = 0 AND idx = 1`);
    });
    expect((await verify()).body).toMatchObject({
      verdict: 'INVALID',
      reasons: [{ code: 'LOG_PROOF_INVALID' }],
      log: { index: 0, treeSize: 2, inclusionVerified: false },
    });
    await bypassAuditTriggers(t.dataSource, async (sql) => {
      await sql(`UPDATE transparency_log_hashes SET hash = '${sibling.hash}' WHERE level = 0 AND idx = 1`);
    });
    expect((await verify()).body.verdict).toBe('VALID');

    // A checkpoint whose root was rewritten keeps its old signatures, which no longer verify.
    const [latest] = await t.dataSource.query<Array<{ note: string }>>(
      'SELECT note FROM transparency_checkpoints WHERE size = 2',
    );
    const lines = latest.note.split('\n');
    lines[2] = Buffer.alloc(32, 7).toString('base64');
    await bypassAuditTriggers(t.dataSource, async (sql) => {
      await sql(`UPDATE transparency_checkpoints SET note = '${lines.join('\n')}' WHERE size = 2`);
    });
    expect((await verify()).body).toMatchObject({ verdict: 'INVALID', reasons: [{ code: 'LOG_PROOF_INVALID' }] });
  });

  describe('log:monitor', () => {
    const monitor = (file: string) =>
      runCli(
        { DATABASE_URL: t.databaseUrl, KEYS_DIR: t.config.keysDir },
        'log:monitor',
        '--from',
        file,
        '--url',
        t.baseUrl,
      );

    it('saves the checkpoint, accepts an extension, and exits 2 naming a deleted entry', async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'zjzc-monitor-')), 'checkpoint.txt');
      const { certificateNo } = await issue();
      const first = await monitor(file);
      expect([first.code, first.stderr]).toEqual([0, '']);
      expect(readFileSync(file, 'utf8')).toBe((await checkpoint()).note);
      await decide('revocations', certificateNo, '浙市监人〔2026〕42号');
      await issue('11010519491231002X');
      const second = await monitor(file);
      expect(second.stdout).toContain('size 1 → 3, 2 new entries replayed');
      expect(second.code).toBe(0);

      await bypassAuditTriggers(t.dataSource, async (sql) => {
        await sql('DELETE FROM transparency_log_entries WHERE idx = 1');
      });
      const third = await monitor(file);
      expect(third.code).toBe(2);
      expect(third.stderr).toContain('log entry 1 is missing');
    });

    it('exits 2 naming the log entry whose audit anchor a rewritten audit chain no longer matches', async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'zjzc-monitor-')), 'checkpoint.txt');
      await issue();
      await issue('11010519491231002X');
      expect((await monitor(file)).code).toBe(0);
      // The database owner edits audit entry 1 and recomputes every hash after it: audit:verify is happy.
      const rows = await t.dataSource.query<Array<ChainedFields & { prev_hash: string; hash: string }>>(
        'SELECT * FROM audit_log ORDER BY seq',
      );
      await bypassAuditTriggers(t.dataSource, async (sql) => {
        let prev = '0'.repeat(64);
        for (const row of rows) {
          const fields = {
            ...row,
            seq: Number(row.seq),
            subject: row.seq === rows[0].seq ? 'ZJZ2026000999' : row.subject,
          };
          const hash = entryHash(prev, fields);
          await sql(
            `UPDATE audit_log SET subject = '${fields.subject ?? ''}', prev_hash = '${prev}', hash = '${hash}' WHERE seq = ${fields.seq}`,
          );
          prev = hash;
        }
      });
      const result = await monitor(file);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/log entry 0 anchors audit entry \d+ .* were rewritten or deleted/);
    });
  });
});
