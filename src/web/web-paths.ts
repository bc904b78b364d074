import { join } from 'node:path';
import { projectRoot } from '../common/project-root';

/** Page templates and the sources of static assets (templates/web). */
export const WEB_TEMPLATES_DIR = join(projectRoot(), 'templates', 'web');

/** The browser bundle and static assets written by `npm run build` (scripts/build-web.js). */
export const WEB_ASSETS_DIR = join(projectRoot(), 'dist', 'web', 'assets');

/** Where the assets are served; the pages refer to them by this prefix. */
export const WEB_ASSETS_PREFIX = '/v/assets/';
