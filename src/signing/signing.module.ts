import { Module } from '@nestjs/common';
import { KeysModule } from '../keys/keys.module';
import { SigningService } from './signing.service';

/** Signs by both authorities and verifies against their published keys. */
@Module({ imports: [KeysModule], providers: [SigningService], exports: [SigningService] })
export class SigningModule {}
