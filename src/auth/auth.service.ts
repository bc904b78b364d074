import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthenticatedOfficer, OfficersService } from '../officers/officers.service';
import { SigningService } from '../signing/signing.service';
import type { TokenResponseDto } from './dto/token-request.dto';
import { LoginThrottle } from './login-throttle';

@Injectable()
export class AuthService {
  private readonly throttle = new LoginThrottle();

  constructor(
    private readonly officers: OfficersService,
    private readonly signing: SigningService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Exchanges a username and password for an access token; one answer for any mismatch. */
  async login(username: string, password: string, address: string): Promise<TokenResponseDto> {
    await this.throttle.assertAllowed(username, address);
    const officer = await this.officers.authenticate(username, password);
    if (!officer) {
      await this.throttle.recordFailure(username, address);
      throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password.');
    }
    await this.throttle.recordSuccess(username);
    const ttl = this.config.accessTokenTtlSeconds;
    const accessToken = await this.signing.issueAccessToken(
      { sub: officer.username, authority: officer.authority, roles: officer.roles },
      ttl,
      this.clock.now(),
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: ttl };
  }

  /** The officer a Bearer token speaks for, as the database knows them now. */
  async officerForToken(token: string): Promise<AuthenticatedOfficer> {
    const claims = await this.signing.readAccessToken(token, this.clock.now());
    const officer = claims && (await this.officers.findActive(claims.sub));
    if (!officer) throw new AppError('AUTH_TOKEN_INVALID', 'The access token is invalid or expired.');
    return officer;
  }
}
