import { api, officer, startTestApp, TestApp } from '../support/test-app';

describe('service basics (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());
  beforeEach(async () => t.reset());

  it('reports the database up', async () => {
    const health = await api(t, 'GET', '/api/v1/health');
    expect([health.status, health.body]).toEqual([200, { status: 'ok', database: 'up' }]);
  });

  it("publishes both authorities' public keys with x5c chains and cache headers, never a private member", async () => {
    const response = await api(t, 'GET', '/.well-known/jwks.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const keys = response.body.keys as Array<Record<string, unknown>>;
    expect(keys.map((k) => k.authority).sort()).toEqual(['amr', 'hrss']);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
      expect(key).not.toHaveProperty('d');
      expect(key.x5c).toHaveLength(2);
      expect(typeof key.kid).toBe('string');
    }
    expect(JSON.stringify(response.body)).not.toMatch(/"d"|PRIVATE/);
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await api(t, 'GET', '/docs-json');
    expect(json.status).toBe(200);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/certificates', '/api/v1/verifications', '/api/v1/auth/token', '/api/v1/health']),
    );
    const ui = await fetch(`${t.baseUrl}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  describe('sign-in', () => {
    it('gives the same 401 for a wrong password and an unknown username', async () => {
      await officer(t, 'amr-admin', 'amr', ['admin']);
      const wrongPassword = await api(t, 'POST', '/api/v1/auth/token', {
        username: 'amr-admin',
        password: 'nope-nope-nope',
      });
      const unknownUser = await api(t, 'POST', '/api/v1/auth/token', {
        username: 'nobody',
        password: 'nope-nope-nope',
      });
      expect(wrongPassword.status).toBe(401);
      expect(unknownUser.status).toBe(401);
      expect(wrongPassword.body).toEqual(unknownUser.body);
      expect(wrongPassword.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('issues a short-lived Bearer token signed by the server key, not an authority key', async () => {
      const o = await officer(t, 'hrss-issuer', 'hrss', ['issuer']);
      const header = JSON.parse(Buffer.from(o.token.split('.')[0], 'base64url').toString()) as {
        kid: string;
        typ: string;
      };
      expect(header.typ).toBe('at+jwt');
      const jwks = await api(t, 'GET', '/.well-known/jwks.json');
      expect(jwks.body.keys.map((k: { kid: string }) => k.kid)).not.toContain(header.kid);
      const payload = JSON.parse(Buffer.from(o.token.split('.')[1], 'base64url').toString()) as {
        exp: number;
        iat: number;
      };
      expect(payload.exp - payload.iat).toBe(900);
    });

    it('refuses a token request with missing or mistyped fields with 400', async () => {
      const response = await api(t, 'POST', '/api/v1/auth/token', { username: 5 });
      expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const nul = await api(t, 'POST', '/api/v1/auth/token', { username: 'a\u0000b', password: 'whatever-long' });
      expect([nul.status, nul.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('behind a trusted proxy, throttles each client address it forwards separately', async () => {
      const proxied = await startTestApp({ databaseUrl: t.databaseUrl, env: { TRUST_PROXY: 'true' } });
      try {
        const login = (username: string, address: string) =>
          api(proxied, 'POST', '/api/v1/auth/token', { username, password: 'wrong-wrong-wrong' }, undefined, {
            'x-forwarded-for': address,
          });
        for (let i = 0; i < 10; i++) expect((await login(`user-${i}`, '203.0.113.7')).status).toBe(401);
        expect((await login('user-x', '203.0.113.7')).status).toBe(429);
        expect((await login('user-y', '203.0.113.8')).status).toBe(401);
      } finally {
        await proxied.close();
      }
    });

    it('throttles failed logins: the 11th attempt within a minute gets 429 with Retry-After', async () => {
      // A second app on the same data: its per-address count starts at zero.
      const own = await startTestApp({ databaseUrl: t.databaseUrl });
      try {
        await officer(own, 'amr-target', 'amr', ['issuer']);
        for (let i = 0; i < 10; i++) {
          const failed = await api(own, 'POST', '/api/v1/auth/token', {
            username: 'amr-target',
            password: `wrong-${i}`,
          });
          expect(failed.status).toBe(401);
        }
        const blocked = await api(own, 'POST', '/api/v1/auth/token', {
          username: 'amr-target',
          password: 'pw-amr-target-correct-horse',
        });
        expect([blocked.status, blocked.body.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
        expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      } finally {
        await own.close();
      }
    });

    it('holds the limit against guesses sent all at once: ten are checked, the rest refused', async () => {
      const own = await startTestApp({ databaseUrl: t.databaseUrl });
      try {
        await officer(own, 'amr-burst', 'amr', ['issuer']);
        // Checked first and counted after, a burst all passed the check (100 guesses of 100).
        const burst = await Promise.all(
          Array.from({ length: 60 }, (_, i) =>
            api(own, 'POST', '/api/v1/auth/token', {
              username: 'amr-burst',
              password: i === 45 ? 'pw-amr-burst-correct-horse' : `wrong-${i}`,
            }),
          ),
        );
        const statuses = burst.map((r) => r.status);
        expect(statuses.filter((s) => s !== 429)).toHaveLength(10);
        expect(statuses.filter((s) => s === 429)).toHaveLength(50);
      } finally {
        await own.close();
      }
    });
  });
});
