import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RateLimiters } from '../database/rate-limiters';
import { AuthenticatedOfficer, OfficersService } from '../officers/officers.service';
import { SigningService } from '../signing/signing.service';
import type { TokenResponseDto } from './dto/token-request.dto';
import { LoginThrottle } from './login-throttle';
import type { SessionResponseDto } from './dto/session.dto';
import { ActiveSession, OfficerSessionsService } from './officer-sessions.service';
import { CSRF_HEADER_VALUE, sessionTokenIn } from './session-cookie';

export interface SessionAnswer {
  /** The `Set-Cookie` value. */
  cookie: string;
  session: SessionResponseDto;
}

function sessionBody(session: ActiveSession): SessionResponseDto {
  const { username, authority, roles } = session.officer;
  return { officer: { username, authority, roles }, expiresAt: session.expiresAt.toISOString() };
}

@Injectable()
export class AuthService {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly officers: OfficersService,
    private readonly signing: SigningService,
    private readonly sessions: OfficerSessionsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    limiters: RateLimiters,
  ) {
    // Shared by every instance on PostgreSQL: N instances must not give N budgets of guesses.
    this.throttle = new LoginThrottle(limiters.shared);
  }

  /** Exchanges a username and password for an access token; one answer for any mismatch. */
  async login(username: string, password: string, address: string): Promise<TokenResponseDto> {
    const { officer, credential: cred } = await this.checkPassword(username, password, address);
    const ttl = this.config.accessTokenTtlSeconds;
    const accessToken = await this.signing.issueAccessToken(
      { sub: officer.username, authority: officer.authority, roles: officer.roles, cred },
      ttl,
      this.clock.now(),
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: ttl };
  }

  /** The office console's sign-in: the same throttles and answers as `login`, a cookie session instead of a token. */
  async startSession(username: string, password: string, address: string): Promise<SessionAnswer> {
    const { officer } = await this.checkPassword(username, password, address);
    const { token, ...session } = await this.sessions.start(officer);
    return { cookie: this.sessions.cookieFor(token, session), session: sessionBody(session) };
  }

  /** The officer of a session cookie, with the cookie renewed (sliding expiry). */
  async resumeSession(cookieHeader: string | undefined): Promise<SessionAnswer> {
    const token = sessionTokenIn(cookieHeader);
    if (!token) throw new AppError('AUTH_REQUIRED', 'Not signed in.');
    const session = await this.sessions.resume(token);
    return { cookie: this.sessions.cookieFor(token, session), session: sessionBody(session) };
  }

  /** Ends the cookie's session, if any; the answer is the cookie that clears it. */
  async endSession(cookieHeader: string | undefined, csrfHeader: string | undefined): Promise<string> {
    const token = sessionTokenIn(cookieHeader);
    if (token && csrfHeader !== CSRF_HEADER_VALUE) {
      throw new AppError(
        'CSRF_HEADER_MISSING',
        `A signed-in console request must send "X-Requested-With: ${CSRF_HEADER_VALUE}".`,
      );
    }
    if (token) await this.sessions.end(token);
    return this.sessions.clearedCookie();
  }

  private async checkPassword(
    username: string,
    password: string,
    address: string,
  ): Promise<{ officer: AuthenticatedOfficer; credential: string }> {
    await this.throttle.begin(username, address);
    const signedIn = await this.officers.authenticate(username, password);
    if (!signedIn) throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password.');
    await this.throttle.succeeded(username, address);
    return signedIn;
  }

  /** The officer a Bearer token speaks for, as the database knows them now. */
  async officerForToken(token: string): Promise<AuthenticatedOfficer> {
    const claims = await this.signing.readAccessToken(token, this.clock.now());
    const officer = claims && (await this.officers.findActive(claims.sub, claims.cred));
    if (!officer) throw new AppError('AUTH_TOKEN_INVALID', 'The access token is invalid or expired.');
    return officer;
  }
}
