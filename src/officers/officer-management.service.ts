import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { OfficerSessionEntity } from '../auth/officer-session.entity';
import { Clock } from '../common/clock';
import { officerActor } from '../audit/audit.service';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { TransactionRunner } from '../database/transaction-runner';
import { OfficerResponseDto } from './dto/officer-response.dto';
import { OfficerEntity, Role } from './officer.entity';
import { assertPasswordShape, USERNAME, USERNAME_RULE } from './officer-rules';
import { AuthenticatedOfficer, hashPassword, OfficersService, parseRoles } from './officers.service';

export interface OfficerChange {
  roles?: Role[];
  disabled?: boolean;
}

/**
 * An admin's work on the accounts of their own authority: each authority manages its own
 * office, so an AMR admin cannot see or touch HRSS accounts. Every change is audited.
 */
@Injectable()
export class OfficerManagementService {
  constructor(
    @InjectRepository(OfficerEntity) private readonly officers: Repository<OfficerEntity>,
    private readonly accounts: OfficersService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(admin: AuthenticatedOfficer): Promise<OfficerResponseDto[]> {
    const rows = await this.officers.find({ where: { authority: admin.authority }, order: { username: 'ASC' } });
    return rows.map((row) => OfficerResponseDto.of(row));
  }

  async create(admin: AuthenticatedOfficer, input: { username: string; roles: Role[]; password: string }) {
    await this.accounts.add({ ...input, authority: admin.authority }, officerActor(admin));
    return OfficerResponseDto.of(await this.ofOwnAuthority(admin, input.username));
  }

  async update(admin: AuthenticatedOfficer, username: string, change: OfficerChange): Promise<OfficerResponseDto> {
    // null is "absent" to the DTO's @IsOptional, so it is refused here: a null meant as "clear"
    // would otherwise be dropped without a word, and a change that names nothing is not audited.
    for (const field of ['roles', 'disabled'] as const)
      if (change[field] === null)
        throw new AppError('VALIDATION_FAILED', `${field} cannot be null: leave it out to keep it.`, { field });
    if (change.roles === undefined && change.disabled === undefined)
      throw new AppError('VALIDATION_FAILED', 'Name what to change: roles, disabled or both.', { field: 'roles' });
    const officer = await this.ofOwnAuthority(admin, username);
    const roles = change.roles ? parseRoles(change.roles) : undefined;
    // An admin who locks themselves out leaves the authority with nobody to undo it.
    if (username === admin.username && (change.disabled === true || (roles && !roles.includes('admin')))) {
      throw new AppError('OFFICER_SELF_LOCKOUT', 'You cannot remove your own admin role or disable yourself.');
    }
    const next = { roles: roles?.join(',') ?? officer.roles, disabled: change.disabled ?? Boolean(officer.disabled) };
    // What is already so is answered as it is, without an audit entry that records no change.
    const sorted = (list: string) => list.split(',').sort().join(',');
    if (sorted(next.roles) === sorted(officer.roles) && next.disabled === Boolean(officer.disabled))
      return OfficerResponseDto.of(officer);
    const disabling = next.disabled && !officer.disabled;
    await this.transactions.run(async (manager) => {
      // Disabling ends what the officer holds, for good: open sessions, and (by the credential
      // epoch in their stamp) access tokens, which re-enabling does not bring back.
      // Counted up in the statement: two racing disables each move it on.
      const epoch = disabling ? { credentialEpoch: () => 'credential_epoch + 1' } : {};
      // Only the fields this change names: a parallel change of the other (one admin disabling
      // while another edits roles) is not overwritten with what this request read.
      const named = {
        ...(roles === undefined ? {} : { roles: next.roles }),
        ...(change.disabled === undefined ? {} : { disabled: next.disabled }),
      };
      await manager.getRepository(OfficerEntity).update({ username }, { ...named, ...epoch });
      if (disabling) await this.endSessions(manager, username);
      await this.audit.append(manager, {
        ...officerActor(admin),
        action: 'officer.updated',
        subject: username,
        details: { roles: next.roles.split(','), disabled: next.disabled },
      });
    });
    return OfficerResponseDto.of({ ...officer, ...next });
  }

  async resetPassword(admin: AuthenticatedOfficer, username: string, password: string): Promise<void> {
    await this.ofOwnAuthority(admin, username);
    assertPasswordShape(password);
    const passwordHash = await hashPassword(password);
    await this.transactions.run(async (manager) => {
      await manager.getRepository(OfficerEntity).update({ username }, { passwordHash });
      // The old password's sessions end with it (its access tokens stop by their credential stamp).
      await this.endSessions(manager, username);
      await this.audit.append(manager, { ...officerActor(admin), action: 'officer.password-reset', subject: username });
    });
  }

  private async endSessions(manager: EntityManager, username: string): Promise<void> {
    await manager
      .getRepository(OfficerSessionEntity)
      .update({ username, endedAt: IsNull() }, { endedAt: this.clock.now().toISOString() });
  }

  private async ofOwnAuthority(admin: AuthenticatedOfficer, username: string): Promise<OfficerEntity> {
    // A name no officer can have is not looked up, nor echoed: it may carry bidi or control
    // characters that would garble the message in a log or a console.
    if (!USERNAME.test(username))
      throw new AppError('OFFICER_NOT_FOUND', `No such officer: ${USERNAME_RULE.replace(/^username/, 'a username')}`);
    const officer = await this.officers.findOneBy({ username });
    if (!officer) throw new AppError('OFFICER_NOT_FOUND', `No officer ${username}.`);
    if (officer.authority !== admin.authority) {
      throw new AppError('OFFICER_OTHER_AUTHORITY', `Officer ${username} belongs to another authority.`);
    }
    return officer;
  }
}
