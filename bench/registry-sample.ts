/**
 * The part of the benchmark data that must be genuine: a sample of seeded certificates
 * re-signed with the bench keys (data/bench-keys), so their QR tokens verify, recorded in the
 * transparency log (a certificate missing from it verifies INVALID), and a spread of
 * certificate numbers to look up. Signing is skipped when the sample is already signed by the
 * current keys, logging when it is already logged.
 */
import 'reflect-metadata';
import { CertificateEntity } from '../src/certificates/certificate.entity';
import { buildCredentialClaims, buildTokenClaims } from '../src/certificates/credential-claims.builder';
import { parseConfig } from '../src/config/app-config';
import { createDataSource } from '../src/database/data-source';
import { DATABASE_SCHEMA } from '../src/database-schema';
import { openKeyStore } from '../src/keys/keys.module';
import type { Jwks, KeyStore } from '../src/keys/key-store';
import type { DataSource } from 'typeorm';
import { AuditService } from '../src/audit/audit.service';
import { SystemClock } from '../src/common/clock';
import { TransactionRunner } from '../src/database/transaction-runner';
import { issuanceLeaf } from '../src/certificates/issuance-leaf';
import { ActWriter } from '../src/transparency/act-writer';
import { TransparencyLogService } from '../src/transparency/transparency-log.service';
import { verifierKey } from '../src/transparency/checkpoint-signer';
import { AUTHORITY_IDS, type AuthorityId } from '../src/keys/authority';
import { SigningService } from '../src/signing/signing.service';

export interface RegistrySample {
  /** Certificate numbers spread over the whole table. */
  numbers: string[];
  /** Genuine QR tokens of certificates in the table. */
  tokens: string[];
  jwks: Jwks;
  /** Each authority's transparency-log verifier key (C2SP vkey), as verifiers pin them. */
  logVerifierKeys: Record<AuthorityId, string>;
}

/**
 * Appends the sample's certificates the log lacks, as the service's backfill would (an audit
 * entry each, anchored by its leaf, and one co-signed checkpoint), with the service's own code.
 */
async function logSample(dataSource: DataSource, keys: KeyStore, records: CertificateEntity[]): Promise<void> {
  const logged = new Set(
    (
      await dataSource.query<Array<{ certificate_no: string }>>(
        "SELECT certificate_no FROM transparency_log_entries WHERE kind = 'issuance'",
      )
    ).map((row) => row.certificate_no),
  );
  const missing = records.filter((r) => !logged.has(r.certificateNo));
  if (missing.length === 0) return;
  const clock = new SystemClock();
  const transactions = new TransactionRunner(dataSource);
  const audit = new AuditService(dataSource, transactions, clock);
  const log = new TransparencyLogService(dataSource, keys, clock, transactions);
  const acts = new ActWriter(audit, log);
  await transactions.run((manager) =>
    acts.write(
      manager,
      missing.map((r) => ({
        event: { actor: 'bench', action: 'certificate.logged', subject: r.certificateNo },
        leaf: issuanceLeaf(r),
      })),
      { checkpoint: true },
    ),
  );
}

function kidOf(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { kid: string }).kid;
}

/** Re-signs every `every`-th certificate (about 1,000,000 / every) unless already done. */
export async function prepareSample(databaseUrl: string, keysDir: string, every = 500): Promise<RegistrySample> {
  const config = parseConfig({
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    KEYS_DIR: keysDir,
    LOG_LEVEL: 'error',
  });
  // The key store and the signer as the service opens them, without booting the whole app.
  const keys = await openKeyStore(config);
  const signing = new SigningService(keys);
  const dataSource = createDataSource(config.database, DATABASE_SCHEMA);
  await dataSource.initialize();
  try {
    const repository = dataSource.getRepository(CertificateEntity);
    const records = await repository.createQueryBuilder('c').where('c.id % :every = 0', { every }).getMany();
    const currentKid = keys.signingKey('amr').kid;
    for (const record of records.filter((r) => kidOf(r.qrToken) !== currentKid)) {
      const claims = buildCredentialClaims(record);
      const [credential, qrToken] = await Promise.all([
        signing.signClaims(claims),
        signing.signToken(buildTokenClaims(claims)),
      ]);
      record.credential = JSON.stringify(credential);
      record.qrToken = qrToken;
      await repository.update({ id: record.id }, { credential: record.credential, qrToken });
    }
    await logSample(dataSource, keys, records);
    const spread = await repository
      .createQueryBuilder('c')
      .select('c.certificateNo', 'no')
      .where('c.id % 97 = 5')
      .getRawMany<{ no: string }>();
    return {
      numbers: spread.map((r) => r.no),
      tokens: records.map((r) => r.qrToken),
      jwks: keys.jwks(),
      logVerifierKeys: Object.fromEntries(
        AUTHORITY_IDS.map((authority) => [authority, verifierKey(keys.logKey(authority))]),
      ) as Record<AuthorityId, string>,
    };
  } finally {
    await dataSource.destroy();
  }
}
