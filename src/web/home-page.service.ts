import { Injectable } from '@nestjs/common';
import { fillTemplate, loadTemplate, SafeHtml } from './html';
import type { PageText } from './page-text';
import { SiteLayoutService } from './site-layout.service';

/** `/`: what the site offers and who issues the certificates; the same for everyone, rendered once. */
@Injectable()
export class HomePageService {
  readonly html: string;
  private readonly main = loadTemplate('home.html');
  private readonly messageTemplate = loadTemplate('message.html');

  constructor(private readonly layout: SiteLayoutService) {
    this.html = layout.render({ title: '', section: 'home', main: this.main });
  }

  /** The landing page with why the request was refused above it (a malformed address). */
  refusalPage(text: PageText): string {
    const message = fillTemplate(this.messageTemplate, {
      verdictClass: 'unknown',
      verdictTitle: text.title,
      verdictDetail: text.detail,
      lookup: new SafeHtml(''),
    });
    return this.layout.render({ title: text.title, section: 'home', main: message + this.main });
  }
}
