import createClient, { type Middleware } from 'openapi-fetch';
import { apiMessage } from './error-messages';
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

/**
 * An error the API answered (4xx/5xx): its stable code, the officer's words for it (`message`,
 * from error-messages.ts, never the API's English), the API's own text and the details.
 */
export interface ApiError {
  code: string;
  message: string;
  serviceMessage: string;
  details?: { field?: string } & Record<string, unknown>;
}

/** Reads an error body defensively: a proxy's HTML page or an empty body becomes a generic error. */
export function toApiError(body: unknown, status: number): ApiError {
  if (typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string') {
    const { code, message, details } = body as Partial<ApiError> & { code: string };
    const serviceMessage = typeof message === 'string' ? message : code;
    return { code, message: apiMessage(code, details), serviceMessage, details };
  }
  const message = `服务暂时不可用（HTTP ${status}）`;
  return { code: `HTTP_${status}`, message, serviceMessage: message };
}
