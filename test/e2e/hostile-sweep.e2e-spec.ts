import { api, officer, startTestApp, TestApp } from '../support/test-app';

/**
 * Every POST/PUT route of the OpenAPI document, fed hostile bodies: wrong types, nulls, huge
 * strings, arrays for objects, prototype keys, deep nesting. None may answer 5xx, and every
 * refusal has the `{code,message}` shape.
 */

interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }>>;
  components: { schemas: Record<string, Schema> };
}

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
}

const PATH_VALUES: Record<string, string> = { id: '1', objectionId: '1', level: 'professor' };

/** Whole bodies, sent as raw text. */
const WHOLE_BODIES: Array<[string, string]> = [
  ['null', 'null'],
  ['an array', '[{"a":1}]'],
  ['a string', '"text"'],
  ['a number', '1e999'],
  ['an empty object', '{}'],
  ['__proto__ key', '{"__proto__":{"isAdmin":true}}'],
  ['constructor.prototype key', '{"constructor":{"prototype":{"isAdmin":true}}}'],
  ['a constructor key', '{"constructor":1}'],
  ['a lone surrogate escape', '{"name":"\\ud800"}'],
  ['a NUL escape', '{"name":"a\\u0000b"}'],
  ['nested 100 levels', '{"a":'.repeat(100) + '1' + '}'.repeat(100)],
  ['nested 3,000 levels', '{"a":' + '['.repeat(3000) + ']'.repeat(3000) + '}'],
  ['duplicate keys', '{"a":1,"a":2}'],
  ['truncated JSON', '{"a":'],
];

/** Values put in every field of the route's DTO at once. */
const FIELD_VALUES: Array<[string, unknown]> = [
  ['null', null],
  ['true', true],
  ['a negative float', -1.5],
  ['a huge number', 1e308],
  ['an empty array', []],
  ['an array of nulls', [null, null]],
  ['an object', { $ne: 1 }],
  ['a 6 KB string', 'あ'.repeat(2_000)],
  ['a lone surrogate', 'a\ud800b'],
  ['a right-to-left override', '\u202e张三'],
  ['a string with NUL', 'a\u0000b'],
  ['an empty string', ''],
];

describe('hostile bodies on every POST/PUT route (e2e)', () => {
  let t: TestApp;
  let token: string;
  let document: OpenApi;

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' } });
    token = (await officer(t, 'amr-sweep', 'amr', ['admin', 'issuer', 'revoker', 'auditor'])).token;
    document = (await api(t, 'GET', '/docs-json')).body as OpenApi;
  });
  afterAll(async () => t.close());

  const schemaOf = (ref: string | undefined): Schema | undefined =>
    ref ? document.components.schemas[ref.split('/').pop() as string] : undefined;

  /** A body of the schema with `value` in every leaf field, nested DTOs (one level of lists) included. */
  function fill(schema: Schema | undefined, value: unknown, depth = 0): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    for (const [field, property] of Object.entries(schema?.properties ?? {})) {
      const nested = schemaOf(property.$ref ?? property.allOf?.[0]?.$ref);
      const items = schemaOf(property.items?.$ref);
      if (nested && depth < 3) body[field] = fill(nested, value, depth + 1);
      else if (items && depth < 3) body[field] = [fill(items, value, depth + 1)];
      else body[field] = value;
    }
    return body;
  }

  function routes(): Array<{ method: string; path: string; schema: Schema | undefined }> {
    const found = [];
    for (const [template, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (method !== 'post' && method !== 'put') continue;
        const schema = schemaOf(operation.requestBody?.content?.['application/json']?.schema?.$ref);
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) => PATH_VALUES[name] ?? '1');
        found.push({ method: method.toUpperCase(), path, schema });
      }
    }
    return found;
  }

  it('never answers 5xx, and refuses in the {code,message} shape', async () => {
    const swept = routes();
    expect(swept.length).toBeGreaterThanOrEqual(20);
    expect(swept.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        '/api/v1/certificates',
        '/api/v1/verifications',
        '/api/v1/auth/token',
        '/api/v1/holder/certificate-pdf',
      ]),
    );
    const failures: string[] = [];
    for (const route of swept) {
      const bodies: Array<[string, unknown]> = [
        ...WHOLE_BODIES,
        ...FIELD_VALUES.map(([name, value]): [string, unknown] => [`every field ${name}`, fill(route.schema, value)]),
      ];
      for (const [name, body] of bodies) {
        const response = await api(t, route.method, route.path, body, token);
        const shaped =
          response.status < 400 ||
          (typeof response.body?.code === 'string' && typeof response.body?.message === 'string');
        if (response.status >= 500 || !shaped)
          failures.push(
            `${route.method} ${route.path} with ${name}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`,
          );
      }
    }
    expect(failures).toEqual([]);
    // The JSON parser was replaced: it must still refuse prototype keys, not merge them.
    const response = await api(t, 'POST', '/api/v1/verifications', '{"token":"x","__proto__":{"polluted":true}}');
    expect([response.status, response.body.code]).toEqual([400, 'BAD_JSON']);
    expect(response.body.message).toBe(
      'The request body names "__proto__" or "constructor.prototype", which is refused.',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Plain bad JSON keeps its own words.
    expect((await api(t, 'POST', '/api/v1/verifications', '{"token":')).body.message).toBe(
      'The request body is not valid JSON.',
    );
  });
});
