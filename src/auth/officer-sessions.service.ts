import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthenticatedOfficer, OfficersService } from '../officers/officers.service';
import { OfficerSessionEntity } from './officer-session.entity';
import { clearedSessionCookie, sessionCookie } from './session-cookie';

/** A session ends after this long without a request … */
export const SESSION_IDLE_SECONDS = 30 * 60;
/** … and this long after sign-in, however busy: an office day, then sign in again. */
export const SESSION_MAX_SECONDS = 8 * 60 * 60;

export interface ActiveSession {
  officer: AuthenticatedOfficer;
  expiresAt: Date;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Cookie sessions of the office console, kept in the database so sign-out ends them for good. */
@Injectable()
export class OfficerSessionsService {
  constructor(
    @InjectRepository(OfficerSessionEntity) private readonly sessions: Repository<OfficerSessionEntity>,
    private readonly officers: OfficersService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The `Set-Cookie` value that carries (or renews) a session until it expires. */
  cookieFor(token: string, session: ActiveSession): string {
    const seconds = (session.expiresAt.getTime() - this.clock.now().getTime()) / 1000;
    return sessionCookie(token, seconds, this.secureCookies());
  }

  clearedCookie(): string {
    return clearedSessionCookie(this.secureCookies());
  }

  private secureCookies(): boolean {
    return this.config.publicBaseUrl.startsWith('https:');
  }

  async start(officer: AuthenticatedOfficer): Promise<ActiveSession & { token: string }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now().toISOString();
    await this.sessions.insert({
      tokenHash: hashOf(token),
      username: officer.username,
      createdAt: now,
      lastSeenAt: now,
    });
    return { token, officer, expiresAt: expiryOf(now, now) };
  }

  /**
   * The session of this secret, moved on to now (sliding expiry), with the officer as the
   * database knows them now: a disabled officer's session stops at the next request.
   */
  async resume(token: string): Promise<ActiveSession> {
    const tokenHash = hashOf(token);
    const session = await this.sessions.findOneBy({ tokenHash, endedAt: IsNull() });
    const now = this.clock.now();
    const live = session && expiryOf(session.createdAt, session.lastSeenAt).getTime() > now.getTime();
    const officer = live ? await this.officers.findActive(session.username) : undefined;
    if (!session || !officer) throw new AppError('AUTH_REQUIRED', 'The session has ended: sign in again.');
    await this.sessions.update({ tokenHash }, { lastSeenAt: now.toISOString() });
    return { officer, expiresAt: expiryOf(session.createdAt, now.toISOString()) };
  }

  async end(token: string): Promise<void> {
    await this.sessions.update(
      { tokenHash: hashOf(token), endedAt: IsNull() },
      { endedAt: this.clock.now().toISOString() },
    );
  }
}

function expiryOf(createdAt: string, lastSeenAt: string): Date {
  const idle = Date.parse(lastSeenAt) + SESSION_IDLE_SECONDS * 1000;
  const max = Date.parse(createdAt) + SESSION_MAX_SECONDS * 1000;
  return new Date(Math.min(idle, max));
}
