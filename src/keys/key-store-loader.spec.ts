import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeySetFixtures } from '../../test/keys/key-set.fixtures';
import type { AuthorityId } from './authority';
import {
  certificatePem,
  createRootCertificate,
  generateP256KeyPair,
  issueAuthorityCertificate,
  isSignedBy,
  parseCertificate,
  privateKeyPem,
  type Issuer,
} from './certificate-authority';
import { jwkThumbprint } from './jwk-thumbprint';
import { readCertificate, readPrivateKey } from './key-files';
import { loadKeyStore } from './key-store-loader';

const fixtures = new KeySetFixtures();
afterAll(() => fixtures.cleanup());

function rootOf(dir: string): Issuer {
  return {
    certificate: readCertificate(join(dir, 'root.crt.pem')).certificate,
    privateKey: readPrivateKey(join(dir, 'root.key.pem')),
  };
}

/** Replaces an authority's key and certificate with `key`, certified by `issuer`. */
async function replaceAuthorityKey(
  dir: string,
  authority: AuthorityId,
  key: { privateKey: KeyObject; publicKey: KeyObject },
  issuer: Issuer,
  dev = false,
): Promise<void> {
  const certificate = await issueAuthorityCertificate(authority, key.publicKey, issuer, { dev });
  writeFileSync(join(dir, `${authority}.key.pem`), privateKeyPem(key.privateKey));
  writeFileSync(join(dir, `${authority}.crt.pem`), certificatePem(certificate));
}

const copyFile = (dir: string, from: string, to: string) =>
  writeFileSync(join(dir, to), readFileSync(join(dir, from)));

/** Each case breaks a production-like set; loading must fail naming `file`. */
const REFUSALS: Array<{
  name: string;
  file: string;
  message: string;
  breakSet: (dir: string) => unknown;
}> = [
  {
    name: 'a missing certificate',
    file: 'hrss.crt.pem',
    message: 'missing',
    breakSet: (dir) => rmSync(join(dir, 'hrss.crt.pem')),
  },
  {
    name: 'a missing session key',
    file: 'session.key.pem',
    message: 'missing',
    breakSet: (dir) => rmSync(join(dir, 'session.key.pem')),
  },
  {
    name: 'the dev marker file',
    file: 'DEV-KEYS-DO-NOT-USE-IN-PRODUCTION.txt',
    message: 'development keys must not be used in production',
    breakSet: (dir) => writeFileSync(join(dir, 'DEV-KEYS-DO-NOT-USE-IN-PRODUCTION.txt'), ''),
  },
  {
    name: 'a DEVELOPMENT ONLY certificate',
    file: 'amr.crt.pem',
    message: 'development certificate (OU DEVELOPMENT ONLY) refused in production',
    breakSet: (dir) => replaceAuthorityKey(dir, 'amr', generateP256KeyPair(), rootOf(dir), true),
  },
  {
    name: 'a missing transparency-log key',
    file: 'hrss-log.key.pem',
    message: 'missing',
    breakSet: (dir) => rmSync(join(dir, 'hrss-log.key.pem')),
  },
  {
    name: 'an RSA transparency-log key',
    file: 'amr-log.key.pem',
    message: 'must be a P-256 (ES256) key',
    breakSet: (dir) => copyFile(dir, 'amr-docsign.key.pem', 'amr-log.key.pem'),
  },
  {
    name: 'a key that does not match its certificate',
    file: 'amr.key.pem',
    message: 'does not match the public key in amr.crt.pem',
    breakSet: (dir) => copyFile(dir, 'hrss.key.pem', 'amr.key.pem'),
  },
  {
    name: 'a P-384 authority key',
    file: 'amr.key.pem',
    message: 'must be a P-256 (ES256) key, found ec secp384r1',
    breakSet: (dir) =>
      replaceAuthorityKey(
        dir,
        'amr',
        generateKeyPairSync('ec', { namedCurve: 'P-384' }),
        rootOf(dir),
      ),
  },
  {
    name: 'an EC document-signing key',
    file: 'hrss-docsign.key.pem',
    message: 'must be an RSA key of at least 2048 bits, found ec prime256v1',
    breakSet: (dir) => copyFile(dir, 'hrss.key.pem', 'hrss-docsign.key.pem'),
  },
  {
    name: 'a certificate issued by another root',
    file: 'hrss.crt.pem',
    message: 'not issued by root.crt.pem',
    breakSet: async (dir) => {
      const keys = generateP256KeyPair();
      const otherRoot = {
        certificate: await createRootCertificate(keys, { dev: false }),
        privateKey: keys.privateKey,
      };
      await replaceAuthorityKey(dir, 'hrss', generateP256KeyPair(), otherRoot);
    },
  },
  {
    name: "another authority's certificate",
    file: 'amr.crt.pem',
    message: 'subject O is not 浙江省市场监督管理局',
    breakSet: (dir) => {
      copyFile(dir, 'hrss.key.pem', 'amr.key.pem');
      copyFile(dir, 'hrss.crt.pem', 'amr.crt.pem');
    },
  },
  {
    name: 'a root key that does not match the root certificate',
    file: 'root.key.pem',
    message: 'does not match the public key in root.crt.pem',
    breakSet: (dir) => copyFile(dir, 'amr.key.pem', 'root.key.pem'),
  },
  {
    name: 'a key that is not PKCS#8',
    file: 'session.key.pem',
    message: 'not an unencrypted PKCS#8 PEM private key',
    breakSet: (dir) => {
      const sec1 = readPrivateKey(join(dir, 'session.key.pem')).export({
        type: 'sec1',
        format: 'pem',
      });
      writeFileSync(join(dir, 'session.key.pem'), sec1);
    },
  },
];

describe('loadKeyStore in production', () => {
  it('accepts a production-like set, without the (offline) root key', async () => {
    const dir = await fixtures.copyOf('production');
    rmSync(join(dir, 'root.key.pem'));

    const store = await loadKeyStore(dir, { production: true });

    expect(store.usesDevelopmentKeys()).toBe(false);
  });

  it.each(REFUSALS)('refuses $name, naming $file', async ({ file, message, breakSet }) => {
    const dir = await fixtures.copyOf('production');
    await breakSet(dir);

    await expect(loadKeyStore(dir, { production: true })).rejects.toThrow(
      `${join(dir, file)}: ${message}`,
    );
  });

  it('refuses a generated development set', async () => {
    const dir = await fixtures.copyOf('dev');

    await expect(loadKeyStore(dir, { production: true })).rejects.toThrow(
      join(dir, 'DEV-KEYS-DO-NOT-USE-IN-PRODUCTION.txt'),
    );
  });

  it('refuses an expired certificate', async () => {
    const dir = await fixtures.copyOf('production');
    const in4Years = new Date(Date.now() + 4 * 365 * 24 * 3600 * 1000);

    await expect(loadKeyStore(dir, { production: true, now: in4Years })).rejects.toThrow(
      `${join(dir, 'amr.crt.pem')}: certificate expired on`,
    );
  });
});

describe('loadKeyStore outside production', () => {
  it('accepts development keys', async () => {
    const store = await loadKeyStore(await fixtures.copyOf('dev'), { production: false });

    expect(store.usesDevelopmentKeys()).toBe(true);
  });

  it('still refuses a mismatched pair', async () => {
    const dir = await fixtures.copyOf('dev');
    copyFile(dir, 'amr.key.pem', 'hrss.key.pem');

    await expect(loadKeyStore(dir, { production: false })).rejects.toThrow(
      join(dir, 'hrss.key.pem'),
    );
  });
});

describe('KeyStore', () => {
  it('uses the RFC 7638 thumbprint as kid and signs verifiably with the key', async () => {
    const store = await loadKeyStore(await fixtures.copyOf('dev'), { production: false });
    const { kid, privateKey, alg } = store.signingKey('amr');
    const [published] = store.publishedKeys().filter((key) => key.kid === kid);

    expect(alg).toBe('ES256');
    expect(kid).toBe(await jwkThumbprint(createPublicKey(privateKey).export({ format: 'jwk' })));
    expect(published).toMatchObject({ authority: 'amr', current: true });
    const data = Buffer.from('payload');
    const signature = sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
    const publicKey = createPublicKey({ key: { ...published.jwk }, format: 'jwk' });
    expect(verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature)).toBe(
      true,
    );
  });

  it('publishes JWKs with public members only, for both authorities', async () => {
    const store = await loadKeyStore(await fixtures.copyOf('dev'), { production: false });
    const { keys } = store.jwks();

    expect(keys.map((key) => key.authority)).toEqual(['amr', 'hrss']);
    for (const key of keys) {
      expect(Object.keys(key).sort()).toEqual([
        'alg',
        'authority',
        'crv',
        'kid',
        'kty',
        'use',
        'x',
        'x5c',
        'y',
      ]);
    }
    expect(JSON.stringify(store.jwks())).not.toMatch(/"d"/);
    expect(JSON.stringify(store.publishedKeys())).not.toMatch(/"d"/);
  });

  it('gives an x5c chain [authority, root] that parses and links', async () => {
    const store = await loadKeyStore(await fixtures.copyOf('dev'), { production: false });

    for (const { jwk } of store.publishedKeys()) {
      const [leaf, root] = jwk.x5c.map((der) => parseCertificate(Buffer.from(der, 'base64')));
      expect(await isSignedBy(leaf, root)).toBe(true);
      expect(certificatePem(root)).toBe(store.rootCertificatePem());
      const leafJwk = createPublicKey({
        key: Buffer.from(leaf.publicKey.rawData),
        format: 'der',
        type: 'spki',
      }).export({ format: 'jwk' });
      expect([leafJwk.x, leafJwk.y]).toEqual([jwk.x, jwk.y]);
    }
  });

  it('gives the document signer with the chain [docsign, root]', async () => {
    const store = await loadKeyStore(await fixtures.copyOf('dev'), { production: false });
    const signer = store.documentSigner('hrss');

    expect(signer.privateKey.asymmetricKeyType).toBe('rsa');
    expect(signer.chainPem).toEqual([signer.certificatePem, store.rootCertificatePem()]);
    expect(parseCertificate(signer.certificatePem).subjectName.getField('O')).toEqual([
      '浙江省人力资源和社会保障厅',
    ]);
  });

  it('keeps the session key apart from the authority keys', async () => {
    const store = await loadKeyStore(await fixtures.copyOf('dev'), { production: false });
    const session = store.sessionKey();

    expect(session.publicKey.equals(createPublicKey(session.privateKey))).toBe(true);
    expect(session.kid).toBe(await jwkThumbprint(session.publicKey.export({ format: 'jwk' })));
    expect(store.publishedKeys().map((key) => key.kid)).not.toContain(session.kid);
  });
});
