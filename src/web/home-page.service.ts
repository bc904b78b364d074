import { Injectable } from '@nestjs/common';
import { loadTemplate } from './html';
import { SiteLayoutService } from './site-layout.service';

/** `/`: what the site offers and who issues the certificates; the same for everyone, rendered once. */
@Injectable()
export class HomePageService {
  readonly html: string;

  constructor(layout: SiteLayoutService) {
    this.html = layout.render({ title: '', section: 'home', main: loadTemplate('home.html') });
  }
}
