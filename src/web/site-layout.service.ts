import { Injectable } from '@nestjs/common';
import { escapeHtml, fillTemplate, loadTemplate, SafeHtml } from './html';

/** The sections of the public site, each a link in the header of every page. */
export type SiteSection = 'home' | 'verify' | 'download' | 'notices';

const SECTIONS: ReadonlyArray<{ section: Exclude<SiteSection, 'home'>; href: string; label: string }> = [
  { section: 'verify', href: '/v', label: '证书查验' },
  { section: 'download', href: '/download', label: '证书下载' },
  { section: 'notices', href: '/notices', label: '违纪处理公示' },
];

/** The full name of the site: the landing page's title and every other title's suffix. */
export const SITE_NAME = '浙江省质量技术基础专业职称电子证书';

export interface SitePage {
  /** The page's own title; the site's name follows it. */
  title: string;
  section: SiteSection;
  /** Markup of `<main>`, already filled (escaped) by the caller. */
  main: string;
  scripts?: SafeHtml;
}

/**
 * One header, footer and stylesheet (templates/web/layout.html, assets/site.css) for every
 * public page, so a holder moving between 查验, 下载 and 公示 stays on one recognisable site.
 */
@Injectable()
export class SiteLayoutService {
  private readonly layout = loadTemplate('layout.html');

  render(page: SitePage): string {
    return fillTemplate(this.layout, {
      title: page.section === 'home' ? SITE_NAME : `${page.title} - ${SITE_NAME}`,
      nav: new SafeHtml(this.nav(page.section)),
      main: new SafeHtml(page.main),
      scripts: page.scripts ?? new SafeHtml(''),
    });
  }

  private nav(current: SiteSection): string {
    return SECTIONS.map(({ section, href, label }) => {
      const mark = section === current ? ' aria-current="page"' : '';
      return `    <a class="site-nav-link" href="${href}"${mark}>${escapeHtml(label)}</a>`;
    }).join('\n');
  }
}
