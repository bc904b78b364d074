import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { AppError } from './app-error';

/** Whether a handler takes the request body (`@Body()`), read from the metadata Nest keeps for its arguments. */
function takesBody(context: ExecutionContext): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ??
    {}) as object;
  return Object.keys(args).some((key) => key.startsWith(`${RouteParamtypes.BODY}:`));
}

/**
 * A bodiless action (a confirmation) refuses a body that says something, as every other route
 * refuses what it does not read: a client sending `{"reason": …}` to a confirmation means
 * something the service would silently drop, on a step that cannot be undone. No body, an empty
 * one and `{}` pass (clients that always send one); the CSV and form routes read theirs apart.
 * An interceptor, not a guard: it runs after the route's sign-in and role guards, so a caller
 * who may not take the action hears 401 or 403 first, as on every route with a body.
 */
@Injectable()
export class BodilessActionInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    refuseUnreadBody(context);
    return next.handle();
  }
}

function refuseUnreadBody(context: ExecutionContext): void {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const body: unknown = request.body;
  if (body === undefined) return;
  const rules = request.routeOptions.config;
  if (rules.csvBody || rules.formBody || takesBody(context)) return;
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const [first] = Object.keys(body);
    if (first === undefined) return;
    throw new AppError('UNKNOWN_FIELD', `This action takes no request body; "${first}" is not read.`, {
      field: first,
    });
  }
  throw new AppError('VALIDATION_FAILED', 'This action takes no request body: send none, or {}.');
}
