import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PublicRateLimit } from '../common/route-rules';
import { NoticesPageService } from './notices-page.service';

/** `/notices`: the public page of disciplinary decisions (docs/rules.md 四.四.3). */
@ApiExcludeController()
@Controller()
export class NoticesPageController {
  constructor(private readonly notices: NoticesPageService) {}

  @Get('notices')
  @PublicRateLimit('lookup')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=60')
  page(): Promise<string> {
    return this.notices.page();
  }
}
