import 'reflect-metadata';
import { flattenedVerify, FlattenedSign, importJWK } from 'jose';
import { createPublicKey } from 'node:crypto';
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
  // The same key form as the service uses (WebCrypto keys imported once), for a fair baseline.
  const publicKeys = await Promise.all(
    ['amr', 'hrss'].map((a) =>
      importJWK(createPublicKey(keys.signingKey(a as 'amr').privateKey).export({ format: 'jwk' }), 'ES256'),
    ),
  );
  const [service, raw] = await sideBySide(
    () => measure('service verifier (all checks, both signatures)', () => signing.checkCredential(credential, now)),
    () =>
      measure('raw jose: two flattenedVerify', () =>
        Promise.all(
          credential.signatures.map((s, k) =>
            flattenedVerify({ payload: credential.payload, ...s }, publicKeys[k], { algorithms: ['ES256'] }),
          ),
        ),
      ),
  );
  report('Verification', service, raw, '≥ 0.8');

  const payload = new TextEncoder().encode(credential.payload);
  const signers = ['amr', 'hrss'].map((a) => keys.signingKey(a as 'amr'));
  const rawTwo = () =>
    Promise.all(
      signers.map((s) =>
        new FlattenedSign(payload).setProtectedHeader({ alg: 'ES256', kid: s.kid }).sign(s.privateKey),
      ),
    );
  // Issuance signs four times: the credential and the QR token, each by both
  // authorities. The like-for-like baseline is raw signing of those four.
  const rawFour = () => Promise.all([rawTwo(), rawTwo()]);
  let n = 0;
  for (const concurrency of [1, 8]) {
    const [issuance, rawSign] = await sideBySide(
      () =>
        measure(
          `issuance on ${database} (4 signatures + insert)`,
          () => certificates.issue(request(idNumber(n++)), BENCH_ACTOR),
          2000,
          concurrency,
        ),
      () => measure('raw jose: two FlattenedSign', rawTwo, 2000, concurrency),
    );
    const when = concurrency === 1 ? 'one at a time' : `${concurrency} in flight`;
    report(`Issuance (${when}) against raw two-signature signing`, issuance, rawSign, '≥ 0.5');
    const rawFourRate = await measure('raw jose: four FlattenedSign', rawFour, 2000, concurrency);
    report(
      `Issuance (${when}) against raw signing of the same four signatures`,
      issuance,
      rawFourRate,
      'like for like, no target',
    );
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
