import { CommandRunner, Option } from 'nest-commander';
import { AuditActor, officerActor } from '../audit/audit.service';
import type { Role } from '../officers/officer.entity';
import type { AuthenticatedOfficer } from '../officers/officers.service';
import { OfficerSignInService } from './officer-sign-in.service';
import { TerminalService } from './terminal.service';

export interface SignedInOptions {
  user?: string;
  passwordFile?: string;
  yes?: boolean;
}

/** What every command acting on a round needs: the officer's sign-in and the person's consent. */
export abstract class SignedInCommand extends CommandRunner {
  constructor(
    protected readonly signInService: OfficerSignInService,
    protected readonly terminal: TerminalService,
  ) {
    super();
  }

  /** The officer's actor for the services: the audit log names them and their authority. */
  protected async signIn(
    options: SignedInOptions,
    roles: readonly Role[] = ['admin'],
  ): Promise<{ officer: AuthenticatedOfficer; actor: AuditActor }> {
    const officer = await this.signInService.signIn(options, roles);
    return { officer, actor: officerActor(officer) };
  }

  /** Asks before an irreversible step when a person is at the terminal. */
  protected confirm(options: SignedInOptions, question: string): Promise<void> {
    return this.terminal.confirm(question, options.yes === true);
  }

  @Option({ flags: '--user <username>', description: 'the officer acting (signs in; the password is asked)' })
  parseUser(value: string): string {
    return value;
  }

  @Option({
    flags: '--password-file <path>',
    description: "a file holding the officer's password (chmod 600); never give the password itself",
    env: 'ZJZC_PASSWORD_FILE',
  })
  parsePasswordFile(value: string): string {
    return value;
  }

  @Option({ flags: '--yes', description: 'do not ask for confirmation' })
  parseYes(): boolean {
    return true;
  }
}
