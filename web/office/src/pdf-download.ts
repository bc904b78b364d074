import { parse } from 'content-disposition';

/** The file name a Content-Disposition offers (`filename*` decoded from UTF-8 first), else `fallback`. */
export function offeredFileName(disposition: string | null, fallback: string): string {
  try {
    return parse(disposition ?? '').parameters.filename ?? fallback;
  } catch {
    // Not a disposition the package can read: the name the console would have chosen.
    return fallback;
  }
}
