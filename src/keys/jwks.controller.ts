import { Controller, Get, Header, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { JwksDto } from './jwks.dto';
import { KeyStore, type Jwks } from './key-store';

/**
 * Publishes both authorities' current and retired public keys, so anyone can verify a
 * certificate offline. At the site root (RFC 8615), outside the versioned API.
 */
@Controller({ path: '.well-known', version: VERSION_NEUTRAL })
export class JwksController {
  constructor(private readonly keyStore: KeyStore) {}

  @Get('jwks.json')
  // Short enough that a rotation is picked up within minutes, long enough to absorb verifier load.
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOkResponse({ type: JwksDto })
  jwks(): Jwks {
    return this.keyStore.jwks();
  }
}
