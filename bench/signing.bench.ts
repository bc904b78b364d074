import 'reflect-metadata';
import { flattenedVerify, importJWK } from 'jose';
import { createPublicKey, sign, verify } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';
import { CertificatesService } from '../src/certificates/certificates.service';
import { parseConfig, APP_CONFIG } from '../src/config/app-config';
import { KeyStore } from '../src/keys/key-store';
import { SigningService } from '../src/signing/signing.service';
import { measure, report, sideBySide } from './measure';

const BENCH_ACTOR = { actor: 'bench', authority: null };
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumber(i: number): string {
  const day = new Date(Date.UTC(1960, 0, 1) + (i % 10000) * 86400000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `330106${day}${String(Math.floor(i / 10000) % 1000).padStart(3, '0')}`;
  const sum = [...first17].reduce((acc, d, k) => acc + Number(d) * WEIGHTS[k], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** The signing benchmarks: the service's verifier against raw jose, issuance against raw signing. */
export async function benchSigning(database: 'sqlite' | 'postgres'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zjzc-bench-'));
  const config = parseConfig({
    NODE_ENV: 'test',
    KEYS_DIR: join(dir, 'keys'),
    DATABASE_URL:
      database === 'sqlite'
        ? `sqlite:${join(dir, 'bench.sqlite')}`
        : (process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test'),
  });
  const { Test } = await import('@nestjs/testing');
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .compile();
  moduleRef.useLogger(['error']);
  const app = await moduleRef.init();
  const ds = app.get((await import('typeorm')).DataSource);
  await ds.query('DELETE FROM certificates');
  await ds.query('DELETE FROM certificate_sequences');
  const signing = app.get(SigningService);
  const keys = app.get(KeyStore);
  const certificates = app.get(CertificatesService);
  const now = new Date();

  const issued = await certificates.issue(request(idNumber(999_999)), BENCH_ACTOR);
  const credential = JSON.parse(issued.certificate.credential) as {
    payload: string;
    signatures: Array<{ protected: string; signature: string }>;
  };
  // Like for like: the same key form the service uses (node:crypto KeyObjects, imported once),
  // and the baselines measured interleaved with the service (sideBySide alternates them).
  const publicKeys = (['amr', 'hrss'] as const).map((a) => createPublicKey(keys.signingKey(a).privateKey));
  const signingInputs = credential.signatures.map((s) => Buffer.from(`${s.protected}.${credential.payload}`));
  const signatureBytes = credential.signatures.map((s) => Buffer.from(s.signature, 'base64url'));
  const rawVerifyTwo = () =>
    signingInputs.every((input, k) =>
      verify('sha256', input, { key: publicKeys[k], dsaEncoding: 'ieee-p1363' }, signatureBytes[k]),
    );
  const [service, raw] = await sideBySide(
    () => measure('service verifier (all checks, both signatures)', () => signing.checkCredential(credential, now)),
    () => measure('raw node:crypto: two ES256 verify', rawVerifyTwo),
  );
  report(
    'Verification against the floor (node:crypto)',
    service,
    raw,
    'the floor: no target, the goal is against jose',
  );
  const joseKeys = await Promise.all(publicKeys.map((k) => importJWK(k.export({ format: 'jwk' }), 'ES256')));
  const [service2, jose] = await sideBySide(
    () => measure('service verifier (all checks, both signatures)', () => signing.checkCredential(credential, now)),
    () =>
      measure('raw jose: two flattenedVerify (WebCrypto keys)', () =>
        Promise.all(
          credential.signatures.map((s, k) =>
            flattenedVerify({ payload: credential.payload, ...s }, joseKeys[k], { algorithms: ['ES256'] }),
          ),
        ),
      ),
  );
  report('Verification against jose', service2, jose, '≥ 1.0');

  // Issuance signs four times: the credential and the QR token, each by both authorities. The
  // like-for-like baseline is raw node:crypto signing of four payloads of the same sizes.
  const privateKeys = (['amr', 'hrss'] as const).map((a) => keys.signingKey(a).privateKey);
  const rawFour = () => {
    for (let twice = 0; twice < 2; twice++)
      for (const key of privateKeys) sign('sha256', signingInputs[0], { key, dsaEncoding: 'ieee-p1363' });
  };
  // The floor under one-at-a-time issuance: one durable commit of one row on the same database.
  // An issuance makes at least one (its act must survive a crash once answered), so its ratio
  // one at a time is at most raw / (raw + this); requests in flight share it (group commit).
  await ds.query('CREATE TABLE IF NOT EXISTS bench_commit_floor (n integer)');
  const commitFloor = await measure(`one durable one-row commit on ${database}`, (i) =>
    ds.transaction((m) => m.query(`INSERT INTO bench_commit_floor (n) VALUES (${i})`)),
  );
  await ds.query('DROP TABLE bench_commit_floor');
  let n = 0;
  // 8 in flight is the goal's load; 64 shows how far group commit carries (bigger groups share
  // each round trip and commit), printed for scale, not as the goal's measure.
  for (const concurrency of [1, 8, 64]) {
    const [issuance, rawSign] = await sideBySide(
      () =>
        measure(
          `issuance on ${database} (4 signatures + insert)`,
          () => certificates.issue(request(idNumber(n++)), BENCH_ACTOR),
          2000,
          concurrency,
        ),
      () => measure('raw node:crypto: four ES256 signatures', rawFour, 2000, concurrency),
    );
    const when = concurrency === 1 ? 'one at a time' : `${concurrency} in flight`;
    const goal = database === 'sqlite' ? '≥ 0.5' : '≥ 0.25';
    report(
      `Issuance (${when}) against raw signing of the same four signatures`,
      issuance,
      rawSign,
      concurrency === 64 ? `${goal} at 8 in flight; for scale` : goal,
    );
    if (concurrency === 1) {
      const ceiling = rawSign.microsPerOp / (rawSign.microsPerOp + commitFloor.microsPerOp);
      console.log(
        `  floor: ${commitFloor.label} ${commitFloor.microsPerOp.toFixed(1)} µs/op — ` +
          `one at a time the ratio cannot pass ${ceiling.toFixed(2)} with nothing else done`,
      );
    }
  }
  await app.close();
}

function request(id: string) {
  const gender: '男' | '女' = Number(id[16]) % 2 === 1 ? '男' : '女';
  return {
    holder: { name: '张三', gender, idNumber: id, employer: '浙江省计量科学研究院' },
    level: 'professor' as const,
    specialty: 'metrology' as const,
    evaluationYear: 2026,
    passedOn: '2026-11-20',
    approvalDocument: '浙市监人〔2026〕12号',
  };
}
