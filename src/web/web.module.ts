import { Module } from '@nestjs/common';
import { PdfModule } from '../pdf/pdf.module';
import { RegistryModule } from '../registry/registry.module';
import { RevocationModule } from '../revocation/revocation.module';
import { DownloadPageService } from './download-page.service';
import { HomePageService } from './home-page.service';
import { NoticesPageService } from './notices-page.service';
import { PageRefusals } from './page-refusals';
import { SiteLayoutService } from './site-layout.service';
import { WebPagesService } from './web-pages.service';

/** The public pages' server side (landing, verification, download, notices); the HTTP routes and rate limits are WebApiModule. */
@Module({
  imports: [RegistryModule, RevocationModule, PdfModule],
  providers: [
    SiteLayoutService,
    WebPagesService,
    NoticesPageService,
    HomePageService,
    DownloadPageService,
    PageRefusals,
  ],
  exports: [WebPagesService, NoticesPageService, HomePageService, DownloadPageService, PageRefusals],
})
export class WebModule {}
