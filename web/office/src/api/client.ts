import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** Methods that change state: a cookie-authenticated one must say it comes from the console. */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence in depth beside SameSite=Strict: the service refuses a cookie-authenticated
 * unsafe request without this header (403 CSRF_HEADER_MISSING), and a cross-site form cannot set it.
 */
const officeHeader: Middleware = {
  onRequest({ request }) {
    if (UNSAFE_METHODS.has(request.method.toUpperCase())) request.headers.set('X-Requested-With', 'zjzc-office');
    return request;
  },
};

/** The API on this origin, typed by the service's own OpenAPI document; the session cookie rides along. */
export const api = createClient<paths>({ baseUrl: '/', credentials: 'same-origin' });
api.use(officeHeader);

/** The body of every error the API answers (4xx): a stable code, a message, sometimes the field at fault. */
export interface ApiError {
  code: string;
  message: string;
  details?: { field?: string } & Record<string, unknown>;
}

/** Reads an error body defensively: a proxy's HTML page or an empty body becomes a generic error. */
export function toApiError(body: unknown, status: number): ApiError {
  if (typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string') {
    const { code, message, details } = body as Partial<ApiError> & { code: string };
    return { code, message: typeof message === 'string' ? message : code, details };
  }
  return { code: `HTTP_${status}`, message: `服务暂时不可用（HTTP ${status}）` };
}
