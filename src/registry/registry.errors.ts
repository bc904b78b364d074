import type { HttpStatusLike } from '../common/app-error';

/** The registry and the verification API: code → HTTP status. */
export const registryErrors = {
  VERIFICATION_REQUEST_INVALID: 400,
} as const satisfies Record<string, HttpStatusLike>;

declare module '../common/app-error' {
  interface ErrorStatusTables {
    registry: typeof registryErrors;
  }
}
