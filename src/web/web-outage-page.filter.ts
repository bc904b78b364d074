import { Catch, Injectable } from '@nestjs/common';
import { OutagePageFilter } from '../common/outage-page.filter';
import { WebPagesService } from './web-pages.service';

/** The verification pages' 503 page during a database outage, in their layout. */
@Injectable()
@Catch()
export class WebOutagePageFilter extends OutagePageFilter {
  constructor(pages: WebPagesService) {
    super(() => pages.unavailablePage());
  }
}
