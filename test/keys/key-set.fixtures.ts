import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDevKeySet } from '../../src/keys/dev-key-set';

/**
 * Temporary key directories for the keys specs. Generating a set costs two RSA keys, so each
 * spec file generates one per kind and copies it for every test that changes files.
 */
export class KeySetFixtures {
  private readonly dirs: string[] = [];
  private readonly templates = new Map<'dev' | 'production', Promise<string>>();

  /** A new empty directory under the OS temp dir. */
  emptyDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'zj-keys-'));
    this.dirs.push(dir);
    return dir;
  }

  /** A fresh copy of a generated set: `dev` carries the development markers, `production` none. */
  async copyOf(kind: 'dev' | 'production'): Promise<string> {
    let template = this.templates.get(kind);
    if (!template) {
      const dir = this.emptyDir();
      template = generateDevKeySet(dir, { dev: kind === 'dev' }).then(() => dir);
      this.templates.set(kind, template);
    }
    const copy = this.emptyDir();
    cpSync(await template, copy, { recursive: true });
    return copy;
  }

  /** Removes every directory made; call from afterAll. */
  cleanup(): void {
    for (const dir of this.dirs.splice(0)) {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
