import type { DownloadPageService } from './download-page.service';
import type { HomePageService } from './home-page.service';
import type { NoticesPageService } from './notices-page.service';
import { PageRefusals } from './page-refusals';
import type { WebPagesService } from './web-pages.service';

describe('which addresses get a page for a refusal', () => {
  // Each page family answers with its own name, so the table shows which one the path reached.
  const refusals = new PageRefusals(
    { refusalPage: () => 'verification' } as unknown as WebPagesService,
    { refusalPage: () => 'download' } as unknown as DownloadPageService,
    { refusalPage: () => 'notices' } as unknown as NoticesPageService,
    { refusalPage: () => 'home' } as unknown as HomePageService,
  );

  it.each([
    ['/', 'home'],
    ['/?a=%FF', 'home'],
    ['/v?no=%FF', 'verification'],
    ['/v', 'verification'],
    ['/v/ZJZ2026000001', 'verification'],
    ['/v/%FF', 'verification'],
    ['/download', 'download'],
    ['/download/', 'download'],
    ['/notices', 'notices'],
    ['/notices/x', 'notices'],
    // Beside a page, where no other route is: still that section's page.
    ['/v%FF', 'verification'],
    ['/v;x', 'verification'],
    ['/v%2FZJZ2026000001', 'verification'],
    ['/notices%00', 'notices'],
    ['/download.php', 'download'],
    // Raw UTF-8, as Node's parser hands it over (Latin-1).
    ['/v/\u00e5\u00bc\u00a0', 'verification'],
    ['/vote', undefined],
    ['/downloads', undefined],
    ['/v-1', undefined],
    ['/v/assets/verify.js', undefined],
    ['/verify', undefined],
    ['/api/v1/registry/certificates/ZJZ2026000001', undefined],
    ['/.well-known/jwks.json', undefined],
    ['/log/tile/0/000', undefined],
    ['/docs', undefined],
    ['/office/', undefined],
  ])('%s → %s', (url, page) => {
    expect(refusals.pageFor(url, 404, 'ROUTE_NOT_FOUND')).toBe(page);
  });
});
