import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder holding package.json, whether this runs from src (tests) or dist (npm start). */
export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** Page templates and the sources of static assets (templates/web). */
export const WEB_TEMPLATES_DIR = join(projectRoot(), 'templates', 'web');

/** The browser bundle and static assets written by `npm run build` (scripts/build-web.js). */
export const WEB_ASSETS_DIR = join(projectRoot(), 'dist', 'web', 'assets');

/** Where the assets are served; the pages refer to them by this prefix. */
export const WEB_ASSETS_PREFIX = '/v/assets/';
