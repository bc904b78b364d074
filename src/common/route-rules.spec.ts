import { Reflector } from '@nestjs/core';
// Where @nestjs/platform-fastify reads a handler's Fastify route `config` from.
import { FASTIFY_ROUTE_CONFIG_METADATA as FASTIFY_ROUTE_CONFIG } from '@nestjs/platform-fastify/constants';
import { AcceptsCsv, EntityTag, PublicRateLimit, RegistryCors, ROUTE_RULES } from './route-rules';

class Routes {
  @PublicRateLimit('lookup')
  @RegistryCors()
  @EntityTag()
  lookup(): void {}

  @AcceptsCsv()
  upload(): void {}

  plain(): void {}
}

describe('route rules', () => {
  const reflector = new Reflector();

  it('stacks the rules of one route, for the guard (Nest metadata) and for the hooks (Fastify route config)', () => {
    const expected = { publicRateLimit: 'lookup', registryCors: true, entityTag: true };
    expect(reflector.get(ROUTE_RULES, Routes.prototype.lookup)).toEqual(expected);
    expect(Reflect.getMetadata(FASTIFY_ROUTE_CONFIG, Routes.prototype.lookup)).toEqual(expected);
  });

  it('keeps each route to its own rules', () => {
    expect(Reflect.getMetadata(FASTIFY_ROUTE_CONFIG, Routes.prototype.upload)).toEqual({ csvBody: true });
    expect(reflector.get(ROUTE_RULES, Routes.prototype.plain)).toBeUndefined();
    expect(Reflect.getMetadata(FASTIFY_ROUTE_CONFIG, Routes.prototype.plain)).toBeUndefined();
  });
});
