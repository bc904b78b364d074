import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module';
import { CertificateFontsModule } from './certificate-fonts.module';
import { PdfController } from './pdf.controller';
import { PdfService } from './pdf.service';

/** Certificate PDFs: the layout in templates/, CJK fonts from npm, a PDF signature by AMR. */
@Module({
  imports: [CertificatesModule, CertificateFontsModule],
  controllers: [PdfController],
  providers: [PdfService],
})
export class PdfModule {}
