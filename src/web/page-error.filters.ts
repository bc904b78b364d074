import { Catch, Injectable } from '@nestjs/common';
import { DownloadPageService } from './download-page.service';
import { HomePageService } from './home-page.service';
import { NoticesPageService } from './notices-page.service';
import { PageErrorFilter } from './page-error.filter';
import { WebPagesService } from './web-pages.service';

/** The verification pages' refusals (outage, throttle, malformed address) in their layout. */
@Injectable()
@Catch()
export class VerificationPageErrorFilter extends PageErrorFilter {
  constructor(pages: WebPagesService) {
    super((status, text) => pages.refusalPage(status, text));
  }
}

/** The notices page's refusals: its heading, the reason in place of the list. */
@Injectable()
@Catch()
export class NoticesPageErrorFilter extends PageErrorFilter {
  constructor(page: NoticesPageService) {
    super((_status, text) => page.refusalPage(text));
  }
}

/** The landing page's refusals, above its own content. */
@Injectable()
@Catch()
export class HomePageErrorFilter extends PageErrorFilter {
  constructor(page: HomePageService) {
    super((_status, text) => page.refusalPage(text));
  }
}

/** The download page's refusals, with the form for another try. */
@Injectable()
@Catch()
export class DownloadPageErrorFilter extends PageErrorFilter {
  constructor(page: DownloadPageService) {
    super((status, text) => page.refusalPage(status, text));
  }
}
