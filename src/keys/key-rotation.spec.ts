import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { KeySetFixtures } from '../../test/keys/key-set.fixtures';
import { isDevelopmentCertificate, isSignedBy, parseCertificate } from './certificate-authority';
import { rotateAuthorityKey } from './key-rotation';
import { loadKeyStore } from './key-store-loader';

const fixtures = new KeySetFixtures();
afterAll(() => fixtures.cleanup());

describe('rotateAuthorityKey', () => {
  it('makes the new key current and keeps the old one published as retired', async () => {
    const dir = await fixtures.copyOf('production');
    const before = await loadKeyStore(dir, { production: true });

    const { oldKid, newKid } = await rotateAuthorityKey(dir, 'amr');

    expect(oldKid).toBe(before.signingKey('amr').kid);
    expect(newKid).not.toBe(oldKid);
    const after = await loadKeyStore(dir, { production: true });
    expect(after.signingKey('amr').kid).toBe(newKid);
    expect(after.signingKey('hrss').kid).toBe(before.signingKey('hrss').kid);
    const amrKeys = after.publishedKeys().filter((key) => key.authority === 'amr');
    expect(amrKeys.map(({ kid, current }) => ({ kid, current }))).toEqual([
      { kid: newKid, current: true },
      { kid: oldKid, current: false },
    ]);
    expect(after.jwks().keys.map((key) => key.kid)).toContain(oldKid);
  });

  it("refuses a retired certificate filed under the other authority's name", async () => {
    const dir = await fixtures.copyOf('production');
    const { oldKid } = await rotateAuthorityKey(dir, 'hrss');
    const misfiled = join(dir, 'retired', `amr-${oldKid}.crt.pem`);
    renameSync(join(dir, 'retired', `hrss-${oldKid}.crt.pem`), misfiled);
    await expect(loadKeyStore(dir, { production: true })).rejects.toThrow(`${misfiled}: subject O is not 浙江省市场监督管理局`);
  });

  it('retires the old certificate unchanged and issues the new one under the root', async () => {
    const dir = await fixtures.copyOf('production');
    const oldPem = readFileSync(join(dir, 'hrss.crt.pem'), 'utf8');

    const { oldKid } = await rotateAuthorityKey(dir, 'hrss');

    expect(readFileSync(join(dir, 'retired', `hrss-${oldKid}.crt.pem`), 'utf8')).toBe(oldPem);
    const root = parseCertificate(readFileSync(join(dir, 'root.crt.pem'), 'utf8'));
    const current = parseCertificate(readFileSync(join(dir, 'hrss.crt.pem'), 'utf8'));
    expect(await isSignedBy(current, root)).toBe(true);
    expect(isDevelopmentCertificate(current)).toBe(false);
  });

  it('rotates twice, publishing both retired keys', async () => {
    const dir = await fixtures.copyOf('dev');

    const first = await rotateAuthorityKey(dir, 'amr');
    const second = await rotateAuthorityKey(dir, 'amr');

    const store = await loadKeyStore(dir, { production: false });
    expect(
      store
        .publishedKeys()
        .filter((key) => key.authority === 'amr' && !key.current)
        .map((key) => key.kid)
        .sort(),
    ).toEqual([first.oldKid, second.oldKid].sort());
    expect(
      isDevelopmentCertificate(parseCertificate(readFileSync(join(dir, 'amr.crt.pem'), 'utf8'))),
    ).toBe(true);
  });

  it('takes the root key from another path when it is kept offline', async () => {
    const dir = await fixtures.copyOf('production');
    const offline = join(fixtures.emptyDir(), 'root.key.pem');
    renameSync(join(dir, 'root.key.pem'), offline);

    await expect(rotateAuthorityKey(dir, 'amr')).rejects.toThrow(
      `${join(dir, 'root.key.pem')}: missing`,
    );
    const { newKid } = await rotateAuthorityKey(dir, 'amr', { rootKeyPath: offline });

    expect(existsSync(join(dir, 'root.key.pem'))).toBe(false);
    expect((await loadKeyStore(dir, { production: true })).signingKey('amr').kid).toBe(newKid);
  });
});
