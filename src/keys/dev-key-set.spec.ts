import { createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KeySetFixtures } from '../../test/keys/key-set.fixtures';
import { isSignedBy, parseCertificate } from './certificate-authority';
import { completeDevKeySet, generateDevKeySet, renewExpiringDevCertificates } from './dev-key-set';
import { loadKeyStore } from './key-store-loader';

const fixtures = new KeySetFixtures();
afterAll(() => fixtures.cleanup());

const readCert = (dir: string, file: string) =>
  parseCertificate(readFileSync(join(dir, file), 'utf8'));

const ALL_FILES = [
  'DEV-KEYS-DO-NOT-USE-IN-PRODUCTION.txt',
  'amr-docsign.crt.pem',
  'amr-docsign.key.pem',
  'amr-log.key.pem',
  'amr.crt.pem',
  'amr.key.pem',
  'hrss-docsign.crt.pem',
  'hrss-docsign.key.pem',
  'hrss-log.key.pem',
  'hrss.crt.pem',
  'hrss.key.pem',
  'root.crt.pem',
  'root.key.pem',
  'session.key.pem',
];

describe('generateDevKeySet', () => {
  it('writes the whole layout, private keys readable by the owner only', async () => {
    const dir = join(fixtures.emptyDir(), 'keys');

    const written = await generateDevKeySet(dir);

    expect([...written].sort()).toEqual(ALL_FILES);
    expect(readdirSync(dir).sort()).toEqual(ALL_FILES);
    for (const file of ALL_FILES.filter((name) => name.endsWith('.key.pem'))) {
      expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(dir, file), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    }
  });

  it('issues authority and document-signing certificates that verify under the root', async () => {
    const dir = await fixtures.copyOf('dev');
    const root = readCert(dir, 'root.crt.pem');

    expect(await isSignedBy(root, root)).toBe(true);
    for (const file of [
      'amr.crt.pem',
      'hrss.crt.pem',
      'amr-docsign.crt.pem',
      'hrss-docsign.crt.pem',
    ]) {
      const certificate = readCert(dir, file);
      expect(await isSignedBy(certificate, root)).toBe(true);
      expect(certificate.issuer).toBe(root.subject);
    }
  });

  it('uses P-256 for authority and session keys and RSA 2048 for document signing', async () => {
    const dir = await fixtures.copyOf('dev');
    const details = (file: string) => {
      const key = createPrivateKey(readFileSync(join(dir, file), 'utf8'));
      return [
        key.asymmetricKeyType,
        key.asymmetricKeyDetails?.namedCurve ?? key.asymmetricKeyDetails?.modulusLength,
      ];
    };

    expect(details('amr.key.pem')).toEqual(['ec', 'prime256v1']);
    expect(details('session.key.pem')).toEqual(['ec', 'prime256v1']);
    expect(details('hrss-docsign.key.pem')).toEqual(['rsa', 2048]);
  });

  it('marks development certificates in OU and CN, and names the authority in O', async () => {
    const dir = await fixtures.copyOf('dev');
    const amr = readCert(dir, 'amr.crt.pem');

    expect(amr.subjectName.getField('OU')).toEqual(['DEVELOPMENT ONLY']);
    expect(amr.subjectName.getField('CN')[0]).toMatch(/（开发测试用）$/);
    expect(amr.subjectName.getField('O')).toEqual(['浙江省市场监督管理局']);
    expect(readCert(dir, 'hrss-docsign.crt.pem').subjectName.getField('O')).toEqual([
      '浙江省人力资源和社会保障厅',
    ]);
  });

  it('omits every development marker with { dev: false }', async () => {
    const dir = await fixtures.copyOf('production');

    expect(existsSync(join(dir, 'DEV-KEYS-DO-NOT-USE-IN-PRODUCTION.txt'))).toBe(false);
    expect(readCert(dir, 'root.crt.pem').subjectName.getField('OU')).toEqual([]);
    expect(readCert(dir, 'hrss.crt.pem').subject).not.toContain('开发测试用');
  });

  it('never overwrites existing key material', async () => {
    const dir = await fixtures.copyOf('dev');

    await expect(generateDevKeySet(dir)).rejects.toThrow(
      `${join(dir, 'root.crt.pem')}: already exists`,
    );
  });
});

describe('completeDevKeySet', () => {
  it('does nothing when the set is complete', async () => {
    expect(await completeDevKeySet(await fixtures.copyOf('dev'))).toEqual([]);
  });

  it('generates only what is missing, under the existing root', async () => {
    const dir = await fixtures.copyOf('dev');
    const amrBefore = readFileSync(join(dir, 'amr.key.pem'), 'utf8');
    rmSync(join(dir, 'hrss.key.pem'));
    rmSync(join(dir, 'hrss.crt.pem'));
    rmSync(join(dir, 'session.key.pem'));

    const written = await completeDevKeySet(dir);

    expect(written).toEqual([
      'hrss.key.pem',
      'hrss.crt.pem',
      'session.key.pem',
      'DEV-KEYS-DO-NOT-USE-IN-PRODUCTION.txt',
    ]);
    expect(readFileSync(join(dir, 'amr.key.pem'), 'utf8')).toBe(amrBefore);
    expect(await isSignedBy(readCert(dir, 'hrss.crt.pem'), readCert(dir, 'root.crt.pem'))).toBe(
      true,
    );
  });

  it('refuses to generate when the root is gone but other files remain, naming them', async () => {
    const dir = await fixtures.copyOf('dev');
    rmSync(join(dir, 'root.crt.pem'));
    rmSync(join(dir, 'root.key.pem'));

    await expect(completeDevKeySet(dir)).rejects.toThrow(
      `${join(dir, 'root.crt.pem')}: missing while amr.key.pem, amr.crt.pem,`,
    );
  });

  it('refuses to invent a private key for an existing certificate', async () => {
    const dir = await fixtures.copyOf('dev');
    rmSync(join(dir, 'amr-docsign.key.pem'));

    await expect(completeDevKeySet(dir)).rejects.toThrow(
      `${join(dir, 'amr-docsign.key.pem')}: missing`,
    );
  });
});

describe('renewExpiringDevCertificates', () => {
  const made = new Date('2026-12-01T00:00:00Z');
  const threeYearsOn = new Date('2029-12-15T00:00:00Z');

  it('renews a development set whose certificates expired, keeping the old signing keys published', async () => {
    const dir = join(fixtures.emptyDir(), 'keys');
    await generateDevKeySet(dir, { now: made });
    const before = await loadKeyStore(dir, { production: false, now: made });
    await expect(loadKeyStore(dir, { production: false, now: threeYearsOn })).rejects.toThrow(/expired/);

    const renewed = await renewExpiringDevCertificates(dir, threeYearsOn);

    expect([...renewed].sort()).toEqual(['amr-docsign.crt.pem', 'amr.crt.pem', 'hrss-docsign.crt.pem', 'hrss.crt.pem']);
    const after = await loadKeyStore(dir, { production: false, now: threeYearsOn });
    for (const authority of ['amr', 'hrss'] as const) {
      expect(after.signingKey(authority).kid).not.toBe(before.signingKey(authority).kid);
      // Certificates the old key signed still verify: its certificate is published as retired.
      expect(after.publishedKeys().map((key) => key.kid)).toContain(before.signingKey(authority).kid);
      expect(readCert(dir, `${authority}-docsign.crt.pem`).notAfter.getTime()).toBeGreaterThan(threeYearsOn.getTime());
    }
    expect(await renewExpiringDevCertificates(dir, threeYearsOn)).toEqual([]);
  });

  it('renews nothing that is still valid beyond the margin, nor a set without the development marker', async () => {
    const dir = join(fixtures.emptyDir(), 'keys');
    await generateDevKeySet(dir, { now: made });
    expect(await renewExpiringDevCertificates(dir, new Date('2029-10-01T00:00:00Z'))).toEqual([]);
    rmSync(join(dir, 'DEV-KEYS-DO-NOT-USE-IN-PRODUCTION.txt'));
    expect(await renewExpiringDevCertificates(dir, threeYearsOn)).toEqual([]);
  });
});
