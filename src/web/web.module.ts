import { Module } from '@nestjs/common';
import { RegistryModule } from '../registry/registry.module';
import { RevocationModule } from '../revocation/revocation.module';
import { NoticesPageService } from './notices-page.service';
import { WebPagesService } from './web-pages.service';

/** The public pages' server side (verification, notices); the HTTP routes and rate limits are WebApiModule. */
@Module({
  imports: [RegistryModule, RevocationModule],
  providers: [WebPagesService, NoticesPageService],
  exports: [WebPagesService, NoticesPageService],
})
export class WebModule {}
