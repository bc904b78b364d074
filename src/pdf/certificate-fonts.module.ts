import { Module } from '@nestjs/common';
import { CertificateFontsService } from './certificate-fonts.service';

/**
 * The certificate fonts alone, without the PDF endpoints: issuance and the evaluation
 * applications check names against them, and the renderer draws with them. Depends on
 * nothing but config, so the certificates module can import it without a cycle.
 */
@Module({
  providers: [CertificateFontsService],
  exports: [CertificateFontsService],
})
export class CertificateFontsModule {}
