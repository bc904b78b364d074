import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PdfController } from './pdf.controller';
import { PdfModule } from './pdf.module';

/** The certificate PDF for the office and for its holder. */
@Module({
  imports: [PdfModule, AuthModule],
  controllers: [PdfController],
})
export class PdfApiModule {}
