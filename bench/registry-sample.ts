/**
 * The part of the benchmark data that must be genuine: a sample of seeded certificates
 * re-signed with the bench keys (data/bench-keys), so their QR tokens verify, and a spread of
 * certificate numbers to look up. Signing is skipped when the sample is already signed by the
 * current keys.
 */
import 'reflect-metadata';
import { CertificateEntity } from '../src/certificates/certificate.entity';
import { buildCredentialClaims, buildTokenClaims } from '../src/certificates/credential-claims.builder';
import { parseConfig } from '../src/config/app-config';
import { createDataSource } from '../src/database/data-source';
import { DATABASE_SCHEMA } from '../src/database-schema';
import { openKeyStore } from '../src/keys/keys.module';
import type { Jwks } from '../src/keys/key-store';
import { SigningService } from '../src/signing/signing.service';

export interface RegistrySample {
  /** Certificate numbers spread over the whole table. */
  numbers: string[];
  /** Genuine QR tokens of certificates in the table. */
  tokens: string[];
  jwks: Jwks;
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
    const spread = await repository
      .createQueryBuilder('c')
      .select('c.certificateNo', 'no')
      .where('c.id % 97 = 5')
      .getRawMany<{ no: string }>();
    return { numbers: spread.map((r) => r.no), tokens: records.map((r) => r.qrToken), jwks: keys.jwks() };
  } finally {
    await dataSource.destroy();
  }
}
