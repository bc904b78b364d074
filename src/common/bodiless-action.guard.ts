import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { FastifyRequest } from 'fastify';
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
 */
@Injectable()
export class BodilessActionGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const body: unknown = request.body;
    if (body === undefined || body === null) return true;
    const rules = request.routeOptions.config;
    if (rules.csvBody || rules.formBody || takesBody(context)) return true;
    if (typeof body === 'object' && !Array.isArray(body)) {
      const [first] = Object.keys(body);
      if (first === undefined) return true;
      throw new AppError('UNKNOWN_FIELD', `This action takes no request body; "${first}" is not read.`, {
        field: first,
      });
    }
    throw new AppError('VALIDATION_FAILED', 'This action takes no request body: send none, or {}.');
  }
}
