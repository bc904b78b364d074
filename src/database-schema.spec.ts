import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { ENTITIES, MIGRATIONS } from './database-schema';

/** The .ts files under a folder, specs left out. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** A TypeORM migration: a class with an `up` method (a migration file also exports SQL it shares). */
function isMigrationClass(value: unknown): boolean {
  return typeof value === 'function' && typeof (value.prototype as { up?: unknown }).up === 'function';
}

// The schema is listed by hand; a table or migration left out of it would be neither mapped nor
// migrated, and the e2e reset (which reads the mapped tables) would leave its rows behind.
describe('the database schema at the wiring root', () => {
  it('lists every entity declared under src', async () => {
    for (const file of sourceFiles(__dirname).filter((path) => readFileSync(path, 'utf8').includes('@Entity(')))
      await import(file);
    const declared = getMetadataArgsStorage().tables.map((table) => table.target);

    expect(declared.length).toBeGreaterThan(10);
    expect(declared.filter((target) => !ENTITIES.includes(target as never))).toEqual([]);
  });

  it('lists every migration in src/database/migrations, each once', async () => {
    const dir = join(__dirname, 'database', 'migrations');
    const exported: unknown[] = [];
    for (const file of sourceFiles(dir)) {
      const module = (await import(file)) as Record<string, unknown>;
      exported.push(...Object.values(module).filter(isMigrationClass));
    }

    expect(exported.map((migration) => (migration as { name: string }).name).sort()).toEqual(
      MIGRATIONS.map((migration) => migration.name).sort(),
    );
    expect(new Set(MIGRATIONS).size).toBe(MIGRATIONS.length);
  });
});
