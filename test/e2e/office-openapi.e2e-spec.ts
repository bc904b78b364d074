import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, startTestApp, TestApp } from '../support/test-app';

const API_DIR = join(__dirname, '..', '..', 'web', 'office', 'src', 'api');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { consoleDocument } = require('../../scripts/openapi.js') as { consoleDocument: (document: unknown) => string };

/**
 * The office console is typed against web/office/src/api (openapi.json and its schema.d.ts).
 * When the API changes, this fails until `npm run openapi` regenerates them, so the console
 * and the API cannot drift apart silently.
 */
describe('the office console’s copy of the OpenAPI document (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('openapi.json is the document the service serves (run `npm run openapi` after changing the API)', async () => {
    const served = await api(t, 'GET', '/docs-json');
    expect(served.status).toBe(200);
    expect(readFileSync(join(API_DIR, 'openapi.json'), 'utf8')).toBe(consoleDocument(served.body));
  });

  it('gives every response schema its own name: two DTO classes of one name would share one schema', async () => {
    // Swagger keys schemas by class name: the calendar import's answer was documented as the
    // applications import's `{ imported }` while both classes were called ImportResultDto.
    const src = join(__dirname, '..', '..', 'src');
    const names = (readdirSync(src, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.dto.ts'))
      .flatMap((file) => [...readFileSync(join(src, file), 'utf8').matchAll(/export class (\w+)/g)].map((m) => m[1]));
    expect(names.filter((name, k) => names.indexOf(name) !== k)).toEqual([]);
    const document = (await api(t, 'GET', '/docs-json')).body as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content: Record<string, { schema: unknown }> }> }>
      >;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const answer = document.paths['/api/v1/calendar/years/{year}'].put.responses['200'].content['application/json'];
    expect(answer.schema).toEqual({ $ref: '#/components/schemas/ScheduleImportResultDto' });
    expect(Object.keys(document.components.schemas.ScheduleImportResultDto.properties)).toEqual([
      'schedule',
      'replaced',
    ]);
  });

  it('schema.d.ts is what openapi-typescript makes of openapi.json', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'zjzc-openapi-')), 'schema.d.ts');
    const cli = join(__dirname, '..', '..', 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
    execFileSync(process.execPath, [cli, join(API_DIR, 'openapi.json'), '-o', out], { stdio: 'ignore' });
    expect(readFileSync(join(API_DIR, 'schema.d.ts'), 'utf8')).toBe(readFileSync(out, 'utf8'));
  });
});
