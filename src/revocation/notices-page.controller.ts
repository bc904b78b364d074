import { Controller, Get, Header, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { OutagePageFilter } from '../common/outage-page.filter';
import { NOTICES_CSS, renderNoticesPage, renderNoticesUnavailablePage } from './notices-page';
import { RevocationRecordsService } from './revocation-records.service';

/** `/notices`: the public page of disciplinary decisions (rules.md "Misconduct"). */
@ApiExcludeController()
@UseFilters(new OutagePageFilter(renderNoticesUnavailablePage))
@Controller()
export class NoticesPageController {
  constructor(private readonly records: RevocationRecordsService) {}

  @Get('notices')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=60')
  async page(): Promise<string> {
    return renderNoticesPage(await this.records.notices());
  }

  @Get('notices.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  css(): string {
    return NOTICES_CSS;
  }
}
