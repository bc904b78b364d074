import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { join } from 'node:path';
import { KeySetFixtures } from '../../test/keys/key-set.fixtures';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { KeysApiModule } from './keys-api.module';

const fixtures = new KeySetFixtures();
let app: NestFastifyApplication;
let keysDir: string;

beforeAll(async () => {
  keysDir = join(fixtures.emptyDir(), 'keys');
  const config = { isProduction: false, nodeEnv: 'test', keysDir } as AppConfig;

  @Global()
  @Module({ providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] })
  class TestConfigModule {}

  @Module({ imports: [TestConfigModule, KeysApiModule] })
  class TestAppModule {}

  app = await NestFactory.create<NestFastifyApplication>(TestAppModule, new FastifyAdapter(), {
    logger: false,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
});

afterAll(async () => {
  await app.close();
  fixtures.cleanup();
});

describe('GET /.well-known/jwks.json', () => {
  it('serves the public keys generated at start, cacheable for 5 minutes', async () => {
    const response = await app.inject({ method: 'GET', url: '/.well-known/jwks.json' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    const body = response.json<{ keys: Array<Record<string, unknown>> }>();
    expect(body.keys.map((key) => [key.authority, key.alg, key.kty, key.crv])).toEqual([
      ['amr', 'ES256', 'EC', 'P-256'],
      ['hrss', 'ES256', 'EC', 'P-256'],
    ]);
    expect(response.body).not.toMatch(/"d"/);
  });
});
