import { Body, Controller, Get, Header, HttpCode, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AcceptsForm } from '../common/route-rules';
import { attachmentDisposition } from '../pdf/content-disposition';
import { DownloadOutcome, DownloadPageService } from './download-page.service';
import { HomePageService } from './home-page.service';

/** The PDF as the API sends it (same type and Content-Disposition), or the page with its status. */
function send(reply: FastifyReply, outcome: DownloadOutcome): StreamableFile | string | undefined {
  if ('pdf' in outcome) {
    const { bytes, filename } = outcome.pdf;
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      length: bytes.length,
      disposition: attachmentDisposition('certificate.pdf', filename),
    });
  }
  void reply.status(outcome.page.status).header('Content-Type', 'text/html; charset=utf-8');
  if (outcome.page.status >= 400) void reply.header('Cache-Control', 'no-store');
  if (outcome.retryAfterSeconds) void reply.header('Retry-After', String(outcome.retryAfterSeconds));
  return outcome.page.html;
}

/** The landing page and the holder's download page (docs/public-site.md). */
@ApiExcludeController()
@Controller()
export class SitePagesController {
  constructor(
    private readonly home: HomePageService,
    private readonly downloads: DownloadPageService,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  homePage(): string {
    return this.home.html;
  }

  // The empty form reads nothing: not counted against the lookup budget (its post has its own throttle).
  @Get('download')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  downloadForm(): string {
    return this.downloads.formPage();
  }

  /** A plain form post: the same checks and throttle as `POST /api/v1/holder/certificate-pdf`. */
  @Post('download')
  @AcceptsForm()
  @HttpCode(200)
  // The PDF shows the full ID number, and the page the name: no shared cache may keep either.
  @Header('Cache-Control', 'no-store')
  async download(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | string | undefined> {
    return send(reply, await this.downloads.download(body, request.ip));
  }
}
