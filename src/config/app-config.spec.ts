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
    expect(parseConfig({ DATABASE_URL: 'postgres://u@db:5432/certs' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/certs' });
  });

  it('strips a trailing slash from PUBLIC_BASE_URL', () => {
    expect(parseConfig({ PUBLIC_BASE_URL: 'https://zs.example.gov.cn/' }).publicBaseUrl).toBe('https://zs.example.gov.cn');
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
});
