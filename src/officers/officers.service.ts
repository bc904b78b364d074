import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { createHash } from 'node:crypto';
import { Repository } from 'typeorm';
import { uniqueViolation } from '../database/unique-violation';
import { AuditActor, AuditService } from '../audit/audit.service';
import { TransactionRunner } from '../database/transaction-runner';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { AUTHORITY_IDS, AuthorityId, isAuthorityId } from '../keys/authority';
import { OfficerEntity, Role, ROLES } from './officer.entity';
import { assertPasswordShape, USERNAME, USERNAME_RULE } from './officer-rules';

export interface NewOfficer {
  username: string;
  password: string;
  authority: string;
  roles: string[];
}

export interface AuthenticatedOfficer {
  username: string;
  authority: AuthorityId;
  roles: Role[];
}

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. */
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function parseRoles(roles: string[]): Role[] {
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0 || roles.length === 0) {
    throw new AppError('OFFICER_INVALID', `roles must be among ${ROLES.join(', ')}; got ${roles.join(',') || 'none'}.`);
  }
  return [...new Set(roles)] as Role[];
}

/**
 * What an access token carries of the credentials it was issued under: 16 hex characters of the
 * SHA-256 of the stored hash and the officer's credential epoch (nothing that helps guess the
 * password), changed by a reset and by disabling the officer, so neither's old tokens return.
 */
export function credentialStamp(officer: Pick<OfficerEntity, 'passwordHash' | 'credentialEpoch'>): string {
  return createHash('sha256').update(`${officer.passwordHash}#${officer.credentialEpoch}`).digest('hex').slice(0, 16);
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

@Injectable()
export class OfficersService implements OnModuleInit {
  /** Verified when a username is unknown, so a wrong username costs as long as a wrong password. */
  private decoyHash = '';

  constructor(
    @InjectRepository(OfficerEntity) private readonly officers: Repository<OfficerEntity>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    this.decoyHash = await argon2.hash('decoy password never used', HASH_OPTIONS);
  }

  async add(input: NewOfficer, actor: AuditActor): Promise<AuthenticatedOfficer> {
    if (!USERNAME.test(input.username)) {
      throw new AppError('OFFICER_INVALID', USERNAME_RULE);
    }
    assertPasswordShape(input.password);
    if (!isAuthorityId(input.authority)) {
      throw new AppError('OFFICER_INVALID', `authority must be one of ${AUTHORITY_IDS.join(', ')}.`);
    }
    const roles = parseRoles(input.roles);
    if (await this.officers.existsBy({ username: input.username })) {
      throw new AppError('OFFICER_EXISTS', `Officer ${input.username} already exists.`);
    }
    const passwordHash = await hashPassword(input.password);
    const authority = input.authority;
    try {
      await this.transactions.run(async (manager) => {
        await manager.getRepository(OfficerEntity).insert({
          username: input.username,
          passwordHash,
          authority,
          roles: roles.join(','),
          disabled: false,
          createdAt: this.clock.now().toISOString(),
        });
        await this.audit.append(manager, {
          ...actor,
          action: 'officer.added',
          subject: input.username,
          details: { authority, roles },
        });
      });
    } catch (error) {
      if (uniqueViolation(error)) throw new AppError('OFFICER_EXISTS', `Officer ${input.username} already exists.`);
      throw error;
    }
    return { username: input.username, authority: input.authority, roles };
  }

  /**
   * The officer whose password this is, with the password's credential stamp (an access token's
   * `cred`), or undefined; timing does not tell which part was wrong.
   */
  async authenticate(
    username: string,
    password: string,
  ): Promise<{ officer: AuthenticatedOfficer; credential: string } | undefined> {
    const officer = await this.officers.findOneBy({ username });
    const matches = await argon2.verify(officer?.passwordHash ?? this.decoyHash, password).catch(() => false);
    if (!officer || !matches || officer.disabled) return undefined;
    return {
      officer: { username: officer.username, authority: officer.authority, roles: officer.roles.split(',') as Role[] },
      credential: credentialStamp(officer),
    };
  }

  /**
   * The current state of an officer named by a still-valid access token or session; with
   * `credential`, only while the credential stamp is the token's (same password, and not
   * disabled since: `credentialStamp`).
   */
  async findActive(username: string, credential?: string): Promise<AuthenticatedOfficer | undefined> {
    const officer = await this.officers.findOneBy({ username });
    if (!officer || officer.disabled) return undefined;
    if (credential !== undefined && credential !== credentialStamp(officer)) return undefined;
    return { username: officer.username, authority: officer.authority, roles: officer.roles.split(',') as Role[] };
  }
}
