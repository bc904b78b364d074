import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module';
import { KeysModule } from '../keys/keys.module';
import { CertificateFontsModule } from './certificate-fonts.module';
import { PdfService } from './pdf.service';

/** Certificate PDFs: the layout in templates/, CJK fonts from npm, PDF signatures by both authorities; the HTTP API is PdfApiModule. */
@Module({
  imports: [CertificatesModule, CertificateFontsModule, KeysModule],
  providers: [PdfService],
  exports: [PdfService],
})
export class PdfModule {}
