import { Module } from '@nestjs/common';
import { JwksController } from './jwks.controller';
import { KeysModule } from './keys.module';

/** The authorities' public keys, at `/.well-known/jwks.json`. */
@Module({
  imports: [KeysModule],
  controllers: [JwksController],
})
export class KeysApiModule {}
