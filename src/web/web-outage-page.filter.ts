import { Catch, Injectable } from '@nestjs/common';
import { OutagePageFilter } from '../common/outage-page.filter';
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

/** The notices page's 503 page during a database outage, in its own look. */
@Injectable()
@Catch()
export class NoticesOutagePageFilter extends OutagePageFilter {
  constructor(page: NoticesPageService) {
    super(() => page.unavailablePage());
  }
}
