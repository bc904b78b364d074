import { ConfigError, parseConfig } from './app-config';

describe('parseConfig', () => {
  it('defaults to embedded SQLite under data/, port 3000 and keys/', () => {
    const config = parseConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'sqlite', path: expect.stringMatching(/data\/certificates\.sqlite$/) });
    expect(config.keysDir).toMatch(/keys$/);
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
    expect(config.isProduction).toBe(false);
  });

  it('switches to PostgreSQL with a postgres:// DATABASE_URL', () => {
    expect(parseConfig({ DATABASE_URL: 'postgres://u@db:5432/certs' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db:5432/certs',
    });
  });

  it('strips a trailing slash from PUBLIC_BASE_URL', () => {
    expect(parseConfig({ PUBLIC_BASE_URL: 'https://zs.example.gov.cn/' }).publicBaseUrl).toBe(
      'https://zs.example.gov.cn',
    );
  });

  it('names every bad variable at once', () => {
    try {
      parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', NODE_ENV: 'staging', PUBLIC_BASE_URL: 'ftp://x' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      for (const name of ['PORT', 'DATABASE_URL', 'NODE_ENV', 'PUBLIC_BASE_URL']) expect(message).toContain(name);
    }
  });

  it('reads TRUST_PROXY as a flag, a hop count or a list of proxies, and refuses anything else', () => {
    expect(parseConfig({}).trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(parseConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(parseConfig({ TRUST_PROXY: '10.0.0.1,10.1.0.0/16' }).trustProxy).toEqual(['10.0.0.1', '10.1.0.0/16']);
    expect(() => parseConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });

  it('takes a separate PostgreSQL URL for the migrations (DATABASE_MIGRATION_URL), only with PostgreSQL', () => {
    const app = 'postgres://zjzc_app@db:5432/zjzc';
    const owner = 'postgres://zjzc_owner@db:5432/zjzc';
    expect(parseConfig({ DATABASE_URL: app }).database).toEqual({
      kind: 'postgres',
      url: app,
      migrationUrl: undefined,
    });
    expect(parseConfig({ DATABASE_URL: app, DATABASE_MIGRATION_URL: owner }).database).toEqual({
      kind: 'postgres',
      url: app,
      migrationUrl: owner,
    });
    expect(() => parseConfig({ DATABASE_URL: app, DATABASE_MIGRATION_URL: 'mysql://root@db/zjzc' })).toThrow(
      /DATABASE_MIGRATION_URL: must be postgres:/,
    );
    expect(() => parseConfig({ DATABASE_MIGRATION_URL: owner })).toThrow(
      /DATABASE_MIGRATION_URL: only with a PostgreSQL DATABASE_URL/,
    );
  });

  it('fixes the clock only in a test run (CLOCK_FIXED_AT)', () => {
    expect(parseConfig({}).clockFixedAt).toBeUndefined();
    expect(parseConfig({ NODE_ENV: 'test', CLOCK_FIXED_AT: '2031-05-04T02:00:00Z' }).clockFixedAt).toEqual(
      new Date('2031-05-04T02:00:00Z'),
    );
    expect(() => parseConfig({ NODE_ENV: 'production', CLOCK_FIXED_AT: '2031-05-04T02:00:00Z' })).toThrow(
      /CLOCK_FIXED_AT: a fixed clock is only for NODE_ENV=test/,
    );
    expect(() => parseConfig({ NODE_ENV: 'test', CLOCK_FIXED_AT: 'tomorrow' })).toThrow(/CLOCK_FIXED_AT/);
  });

  it('bounds the waits for PostgreSQL, validated at start', () => {
    expect(parseConfig({}).databaseTimeouts).toEqual({ connectMs: 5000, statementMs: 10_000 });
    expect(
      parseConfig({ DATABASE_CONNECT_TIMEOUT_MS: '2000', DATABASE_STATEMENT_TIMEOUT_MS: '500' }).databaseTimeouts,
    ).toEqual({ connectMs: 2000, statementMs: 500 });
    expect(() => parseConfig({ DATABASE_CONNECT_TIMEOUT_MS: '0', DATABASE_STATEMENT_TIMEOUT_MS: 'soon' })).toThrow(
      /DATABASE_CONNECT_TIMEOUT_MS[\s\S]*DATABASE_STATEMENT_TIMEOUT_MS/,
    );
  });

  it('counts the throttles in PostgreSQL under a secret every instance shares, required in production', () => {
    const pg = 'postgres://zjzc_app@db:5432/zjzc';
    const secret = 'x'.repeat(32);
    expect(parseConfig({}).publicRateLimitStore).toBe('memory');
    expect(parseConfig({ DATABASE_URL: pg }).publicRateLimitStore).toBe('memory');
    expect(parseConfig({ DATABASE_URL: pg, PUBLIC_RATE_LIMIT_STORE: 'database' }).publicRateLimitStore).toBe(
      'database',
    );
    expect(parseConfig({ DATABASE_URL: pg, PUBLIC_RATE_LIMIT_STORE: 'memory' }).publicRateLimitStore).toBe('memory');
    expect(() => parseConfig({ PUBLIC_RATE_LIMIT_STORE: 'database' })).toThrow(/PUBLIC_RATE_LIMIT_STORE/);
    expect(() => parseConfig({ NODE_ENV: 'production', DATABASE_URL: pg })).toThrow(/RATE_LIMIT_KEY_SECRET: required/);
    expect(() => parseConfig({ RATE_LIMIT_KEY_SECRET: 'short' })).toThrow(/RATE_LIMIT_KEY_SECRET: must be at least 32/);
    expect(
      parseConfig({ NODE_ENV: 'production', DATABASE_URL: pg, RATE_LIMIT_KEY_SECRET: secret }).rateLimitKeySecret,
    ).toBe(secret);
  });
});
