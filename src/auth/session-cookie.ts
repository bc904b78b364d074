/** The office console's session cookie; the console never sees its value (HttpOnly). */
export const SESSION_COOKIE = 'zjzc_session';

/** The header a cookie-authenticated unsafe request must carry, and its one accepted value. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'zjzc-office';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isUnsafeMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** The session secret in a `Cookie` header, if any (the last one wins, as browsers send the most specific first). */
export function sessionTokenIn(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  let token: string | undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (/^[A-Za-z0-9_-]{20,100}$/.test(value)) token ??= value;
  }
  return token;
}

/**
 * The `Set-Cookie` value: HttpOnly keeps it from scripts, SameSite=Strict from other sites'
 * requests; Secure whenever the service is published over https (a plain-http dev setup
 * would otherwise never get it back).
 */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [`${SESSION_COOKIE}=${token}`, 'HttpOnly', 'SameSite=Strict', 'Path=/'];
  attributes.push(`Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`);
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}
