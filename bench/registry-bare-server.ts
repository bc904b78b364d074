/**
 * The benchmark's baseline: a bare node:http + pg server doing the registry's work with no
 * framework — the lookup by number (same query, same JSON) and the verification of a QR token
 * (two ES256 signatures with jose, the registry row, the byte-for-byte payload check, and the
 * certificate's transparency-log standing: its entry, the latest checkpoint checked once per
 * note against both log keys, the inclusion proof from the stored hashes). Data access and HTTP
 * are its own; the pure RFC 9162 and signed-note functions are the service's, so both do the
 * same computation and the ratio measures the framework, the ORM and the service's layering.
 * Run as a child process by bench/registry.bench.ts: PORT, DATABASE_URL, JWKS_PATH.
 */
import { flattenedVerify } from 'jose';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'pg';
import type { AuthorityId } from '../src/keys/authority';
import { importVerifierKey, verifyCheckpoint, type CheckpointCheck } from '../src/transparency/checkpoint';
import { hashKeyId, inclusionProof, leafHash, nodeHash, withStoredHashes } from '../src/transparency/merkle';
import { verifyInclusion } from '../src/transparency/merkle-verify';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const jwks = JSON.parse(readFileSync(process.env.JWKS_PATH ?? '', 'utf8')) as {
  keys: Array<{ kid: string; authority: string; x: string; y: string }>;
  logVerifierKeys: Record<AuthorityId, string>;
};
const logVerifiers = Promise.all(
  Object.entries(jwks.logVerifierKeys).map(([authority, vkey]) => importVerifierKey(authority as AuthorityId, vkey)),
);
const checkedNotes = new Map<string, Promise<CheckpointCheck>>();

/** The certificate's issuance entry proven included in the latest checkpoint, or null if unlogged. */
async function logStanding(no: string) {
  const {
    rows: [entry],
  } = await pool.query<{ idx: string; leaf: string }>(
    "SELECT idx, leaf FROM transparency_log_entries WHERE certificate_no = $1 AND kind = 'issuance' ORDER BY idx LIMIT 1",
    [no],
  );
  if (!entry) return null;
  const {
    rows: [latest],
  } = await pool.query<{ size: string; note: string }>(
    'SELECT size, note FROM transparency_checkpoints ORDER BY size DESC LIMIT 1',
  );
  const [index, size] = [Number(entry.idx), Number(latest?.size ?? 0)];
  if (!latest || index >= size) return null;
  const { result: path } = await withStoredHashes(
    (lookup) => inclusionProof(index, size, lookup),
    async (keys) => {
      const { rows } = await pool.query<{ level: number; idx: string; hash: string }>(
        `SELECT h.level, h.idx, h.hash FROM transparency_log_hashes h
         JOIN unnest($1::int[], $2::int[]) AS k(level, idx) ON h.level = k.level AND h.idx = k.idx`,
        [keys.map((k) => k.level), keys.map((k) => k.index)],
      );
      return new Map(rows.map((r) => [hashKeyId(Number(r.level), Number(r.idx)), Buffer.from(r.hash, 'hex')]));
    },
  );
  let check = checkedNotes.get(latest.note);
  if (!check) {
    check = logVerifiers.then((verifiers) => verifyCheckpoint(latest.note, verifiers));
    if (checkedNotes.size >= 16) checkedNotes.clear();
    checkedNotes.set(latest.note, check);
  }
  const checked = await check;
  const inclusionVerified =
    checked.ok &&
    checked.checkpoint.size === size &&
    (await verifyInclusion(
      index,
      size,
      leafHash(Buffer.from(entry.leaf)),
      path,
      checked.checkpoint.rootHash,
      nodeHash,
    ));
  return { index, treeSize: size, inclusionVerified };
}
const keys = new Map<string, { authority: string; key: KeyObject }>(
  jwks.keys.map((k) => [
    k.kid,
    {
      authority: k.authority,
      key: createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: k.x, y: k.y }, format: 'jwk' }),
    },
  ]),
);
const LEVELS: Record<string, string> = { professor: '正高级工程师', senior: '高级工程师' };
const SPECIALTIES: Record<string, string> = {
  quality: '质量',
  metrology: '计量',
  standardization: '标准化',
  'special-equipment': '特种设备',
};
const COLUMNS =
  'certificate_no, holder_name, gender, id_number, employer, level, specialty, evaluation_year, passed_on, approval_document, issued_at, status';

type Row = Record<string, string | number>;

function publicRecord(r: Row) {
  const id = String(r.id_number);
  return {
    certificateNo: r.certificate_no,
    holderName: r.holder_name,
    gender: r.gender,
    idNumberMasked: id.slice(0, 3) + '*'.repeat(11) + id.slice(-4),
    employer: r.employer,
    level: r.level,
    levelName: LEVELS[r.level],
    specialty: r.specialty,
    specialtyName: SPECIALTIES[r.specialty],
    evaluationYear: r.evaluation_year,
    passedOn: r.passed_on,
    approvalDocument: r.approval_document,
    issuers: ['amr', 'hrss'],
    issuedAt: r.issued_at,
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function lookup(res: ServerResponse, no: string): Promise<void> {
  if (!/^ZJ[ZG]\d{10}$/.test(no)) return send(res, 400, { code: 'CERTIFICATE_NO_INVALID' });
  const { rows } = await pool.query<Row>(`SELECT ${COLUMNS} FROM certificates WHERE certificate_no = $1`, [no]);
  if (rows.length === 0) return send(res, 404, { code: 'CERTIFICATE_NOT_FOUND' });
  send(res, 200, { ...publicRecord(rows[0]), status: rows[0].status, revocation: null });
}

async function checkSignature(protectedHeader: string, payload: string, signature: string) {
  const { kid } = JSON.parse(Buffer.from(protectedHeader, 'base64url').toString()) as { kid: string };
  const trusted = keys.get(kid);
  const valid = trusted
    ? await flattenedVerify({ protected: protectedHeader, payload, signature }, trusted.key, {
        algorithms: ['ES256'],
      }).then(
        () => true,
        () => false,
      )
    : false;
  return { authority: trusted?.authority ?? null, kid, valid };
}

async function verify(res: ServerResponse, body: string): Promise<void> {
  const { token } = JSON.parse(body) as { token: string };
  const [first, second] = token.split('~');
  const [h1, payload, s1] = first.split('.');
  const [h2, , s2] = second.split('.');
  const signatures = await Promise.all([checkSignature(h1, payload, s1), checkSignature(h2, payload, s2)]);
  const checkedAt = new Date().toISOString();
  if (!signatures.every((s) => s.valid))
    return send(res, 200, {
      verdict: 'INVALID',
      reasons: [{ code: 'SIGNATURE_INVALID' }],
      signatures,
      certificate: null,
      checkedAt,
    });
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { no: string };
  const { rows } = await pool.query<Row>(`SELECT ${COLUMNS}, qr_token FROM certificates WHERE certificate_no = $1`, [
    claims.no,
  ]);
  const row = rows[0];
  if (!row || String(row.qr_token).split('.')[1] !== payload)
    return send(res, 200, {
      verdict: 'INVALID',
      reasons: [{ code: 'PAYLOAD_MISMATCH' }],
      signatures,
      certificate: null,
      checkedAt,
    });
  const log = await logStanding(String(row.certificate_no));
  if (!log?.inclusionVerified)
    return send(res, 200, {
      verdict: 'INVALID',
      reasons: [{ code: log ? 'LOG_PROOF_INVALID' : 'NOT_IN_TRANSPARENCY_LOG' }],
      signatures,
      certificate: publicRecord(row),
      log,
      checkedAt,
    });
  const verdict = row.status === 'REVOKED' ? 'REVOKED' : 'VALID';
  send(res, 200, { verdict, reasons: [], signatures, certificate: publicRecord(row), log, checkedAt });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const PREFIX = '/api/v1/registry/certificates/';
const server = createServer((req, res) => {
  const url = req.url ?? '';
  const work =
    req.method === 'GET' && url.startsWith(PREFIX)
      ? lookup(res, url.slice(PREFIX.length))
      : req.method === 'POST' && url === '/api/v1/verifications'
        ? readBody(req).then((body) => verify(res, body))
        : Promise.resolve(send(res, url === '/health' ? 200 : 404, {}));
  work.catch(() => send(res, 500, { code: 'INTERNAL_ERROR' }));
});
server.listen(Number(process.env.PORT), '127.0.0.1');
