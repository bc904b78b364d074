import { Injectable } from '@nestjs/common';
import { DownloadPageService } from './download-page.service';
import { HomePageService } from './home-page.service';
import { NoticesPageService } from './notices-page.service';
import { refusalPageText } from './page-text';
import { WebPagesService } from './web-pages.service';

/**
 * The address of a page, or anything under or beside it that is no other route's: `/v`, `/v/…`,
 * `/download/`, `/notices/x`, and `/v%FF`, `/v;x`, `/notices.php`: the prefix not followed by a
 * letter, digit, `-` or `_` (so `/verify` would be another address).
 */
const under = (path: string, prefix: string) =>
  path.startsWith(prefix) && /^(?:$|[^A-Za-z0-9_-])/.test(path.slice(prefix.length));

/**
 * Every refusal at a page's address — a throttle, an outage, a malformed query or path, an
 * address under a page that no route answers (`/v/a/b`, `/notices/`), a method a page does not
 * take (`POST /v`), a form over the size limit — is answered to a person as a page of that
 * section, in Chinese: the global filter (`AppExceptionFilter`) and Fastify's pre-routing handler
 * ask here before they answer JSON. Only the pages' addresses, by the raw path; the API, the log
 * and the static files keep the JSON shape.
 */
@Injectable()
export class PageRefusals {
  constructor(
    private readonly verification: WebPagesService,
    private readonly download: DownloadPageService,
    private readonly notices: NoticesPageService,
    private readonly home: HomePageService,
  ) {}

  /** The page for a refusal of a request to `url` (its raw path decides), or undefined when it is not a page's. */
  pageFor(url: string, status: number, code: string, retryAfterSeconds?: number): string | undefined {
    const path = url.split('?')[0];
    const text = refusalPageText(code, retryAfterSeconds);
    if (under(path, '/v') && !path.startsWith('/v/assets/')) return this.verification.refusalPage(status, text);
    if (path === '/') return this.home.refusalPage(text);
    if (under(path, '/download')) return this.download.refusalPage(status, text);
    if (under(path, '/notices')) return this.notices.refusalPage(text);
    return undefined;
  }
}
