import type { HttpStatusLike } from '../common/app-error';

/** Codes of the transparency log's public API (docs/transparency-log.md). */
export const transparencyErrors = {
  LOG_PARAMETER_INVALID: 400,
  LOG_TREE_SIZE_UNKNOWN: 404,
  LOG_ENTRY_NOT_FOUND: 404,
  LOG_TILE_NOT_FOUND: 404,
} as const satisfies Record<string, HttpStatusLike>;

declare module '../common/app-error' {
  interface ErrorStatusTables {
    transparency: typeof transparencyErrors;
  }
}
