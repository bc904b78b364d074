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
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import type { Role } from '../officers/officer.entity';
import type { AuthenticatedOfficer } from '../officers/officers.service';
import { AuthService } from './auth.service';
import { OfficerSessionsService } from './officer-sessions.service';
import { CSRF_HEADER, CSRF_HEADER_VALUE, isUnsafeMethod, sessionTokenIn } from './session-cookie';

const ROLES_KEY = 'requiredRoles';

export type OfficerRequest = FastifyRequest & { officer?: AuthenticatedOfficer };

@Injectable()
export class OfficerGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: OfficerSessionsService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<OfficerRequest>();
    const officer = await this.officerOf(request, context.switchToHttp().getResponse<FastifyReply>());
    const required = this.reflector.get<Role[]>(ROLES_KEY, context.getHandler()) ?? [];
    if (required.length > 0 && !required.some((role) => officer.roles.includes(role))) {
      throw new AppError('FORBIDDEN_ROLE', `This needs the role ${required.join(' or ')}.`);
    }
    request.officer = officer;
    return true;
  }

  /** A Bearer token when the request sends one (CLI, scripts), else the console's session cookie. */
  private async officerOf(request: FastifyRequest, reply: FastifyReply): Promise<AuthenticatedOfficer> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      // The scheme is case-insensitive (RFC 9110 §11.1): `bearer` is the same scheme.
      const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header) : null;
      if (!match) throw new AppError('AUTH_REQUIRED', 'Send an access token as "Authorization: Bearer <token>".');
      return this.auth.officerForToken(match[1]);
    }
    const token = sessionTokenIn(request.headers.cookie);
    if (!token)
      throw new AppError('AUTH_REQUIRED', 'Sign in: send an access token as "Authorization: Bearer <token>".');
    // A browser attaches the cookie to any request; a custom header needs the console's own script.
    if (isUnsafeMethod(request.method) && request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
      throw new AppError(
        'CSRF_HEADER_MISSING',
        `A signed-in console request must send "X-Requested-With: ${CSRF_HEADER_VALUE}".`,
      );
    }
    const session = await this.sessions.resume(token);
    void reply.header('set-cookie', this.sessions.cookieFor(token, session));
    return session.officer;
  }
}

/** Requires a signed-in officer holding one of the roles. */
export function RequireRole(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ROLES_KEY, roles), UseGuards(OfficerGuard), ApiBearerAuth(), ApiCookieAuth());
}

/** The officer a guarded request was made by (set by OfficerGuard). */
export const CurrentOfficer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedOfficer => {
    const officer = context.switchToHttp().getRequest<OfficerRequest>().officer;
    if (!officer) throw new AppError('AUTH_REQUIRED', 'Sign in first.');
    return officer;
  },
);
