import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PdfController } from './pdf.controller';
import { PdfModule } from './pdf.module';
import { PdfService } from './pdf.service';

/** The certificate PDF for the office and for its holder. */
@Module({
  imports: [PdfModule, AuthModule],
  controllers: [PdfController],
})
export class PdfApiModule implements OnApplicationBootstrap {
  constructor(private readonly pdfs: PdfService) {}

  /**
   * Only a serving process warms the renderer (the CLI imports PdfModule alone), and after
   * `listen` has its turn: the warm-up is CPU on the event loop, and a request arriving during
   * it queues behind it in the render queue.
   */
  onApplicationBootstrap(): void {
    setImmediate(() => void this.pdfs.warmUp());
  }
}
