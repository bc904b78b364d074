import { Catch, Injectable } from '@nestjs/common';
import { OutagePageFilter } from '../common/outage-page.filter';
import { DownloadPageService } from './download-page.service';
import { NoticesPageService } from './notices-page.service';
import { WebPagesService } from './web-pages.service';

/** The verification pages' 503 page during a database outage, in their layout. */
@Injectable()
@Catch()
export class WebOutagePageFilter extends OutagePageFilter {
  constructor(pages: WebPagesService) {
    super(() => pages.unavailablePage());
  }
}

/** The notices page's 503 page during a database outage: its heading, without the list. */
@Injectable()
@Catch()
export class NoticesOutagePageFilter extends OutagePageFilter {
  constructor(page: NoticesPageService) {
    super(() => page.unavailablePage());
  }
}

/** The download page's 503 page during a database outage, with the form for another try. */
@Injectable()
@Catch()
export class DownloadOutagePageFilter extends OutagePageFilter {
  constructor(page: DownloadPageService) {
    super(() => page.unavailablePage());
  }
}
