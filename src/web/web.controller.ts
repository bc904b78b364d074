import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRateLimit } from '../common/route-rules';
import { Page, WebPagesService } from './web-pages.service';

function send(reply: FastifyReply, page: Page): string | undefined {
  void reply.status(page.status);
  // The route's max-age is for a record; a refusal (no such number yet) is of this moment.
  if (page.status >= 400) void reply.header('Cache-Control', 'no-store');
  if (page.location) void reply.header('Location', page.location);
  return page.html;
}

/** The verification pages the QR code opens (`/v#<token>`) and their no-JavaScript fallback. */
@ApiExcludeController()
@Controller('v')
export class WebController {
  constructor(private readonly pages: WebPagesService) {}

  // Not counted against the lookup budget: the shell reads nothing, and a QR scan must still
  // check the two signatures in the browser when this address has used up its lookups.
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  // The shell is the same for every token (the token stays in the fragment); revalidate it.
  @Header('Cache-Control', 'no-cache')
  verify(@Query('no') no: unknown, @Res({ passthrough: true }) reply: FastifyReply): string | undefined {
    return send(reply, this.pages.verifyPage(no));
  }

  @Get(':certificateNo')
  @PublicRateLimit('lookup')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=60')
  async record(
    @Param('certificateNo') certificateNo: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | undefined> {
    return send(reply, await this.pages.recordPage(certificateNo));
  }
}
