import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import type { Role } from '../officers/officer.entity';
import type { AuthenticatedOfficer } from '../officers/officers.service';
import { AuthService } from './auth.service';

const ROLES_KEY = 'requiredRoles';

export type OfficerRequest = FastifyRequest & { officer?: AuthenticatedOfficer };

@Injectable()
export class OfficerGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<OfficerRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header) : null;
    if (!match)
      throw new AppError('AUTH_REQUIRED', 'Sign in: send an access token as "Authorization: Bearer <token>".');
    const officer = await this.auth.officerForToken(match[1]);
    const required = this.reflector.get<Role[]>(ROLES_KEY, context.getHandler()) ?? [];
    if (required.length > 0 && !required.some((role) => officer.roles.includes(role))) {
      throw new AppError('FORBIDDEN_ROLE', `This needs the role ${required.join(' or ')}.`);
    }
    request.officer = officer;
    return true;
  }
}

/** Requires a signed-in officer holding one of the roles. */
export function RequireRole(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ROLES_KEY, roles), UseGuards(OfficerGuard), ApiBearerAuth());
}

/** The officer a guarded request was made by (set by OfficerGuard). */
export const CurrentOfficer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedOfficer => {
    const officer = context.switchToHttp().getRequest<OfficerRequest>().officer;
    if (!officer) throw new AppError('AUTH_REQUIRED', 'Sign in first.');
    return officer;
  },
);
