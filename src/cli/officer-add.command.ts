import { Command, CommandRunner, Option } from 'nest-commander';
import { cliActor } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { OfficersService } from '../officers/officers.service';
import { OfficerSignInService } from './officer-sign-in.service';
import { TerminalService } from './terminal.service';

interface OfficerAddOptions {
  username: string;
  passwordFile?: string;
  authority: string;
  role: string[];
}

/**
 * An administrator's command on the machine (it creates the first officer, so no officer signs
 * in: the audit log names the OS user). The new password is typed twice without echo, or read
 * from a file; never from the command line.
 */
@Command({ name: 'officer:add', description: 'Create an officer account of one authority' })
export class OfficerAddCommand extends CommandRunner {
  constructor(
    private readonly officers: OfficersService,
    private readonly signIn: OfficerSignInService,
    private readonly terminal: TerminalService,
  ) {
    super();
  }

  async run(_args: string[], options: OfficerAddOptions): Promise<void> {
    const password = await this.signIn.password(options, `New password for ${options.username}: `);
    if (!options.passwordFile && (await this.terminal.askHidden('The same again: ')) !== password)
      throw new AppError('OFFICER_INVALID', 'The two passwords differ; nothing was created.');
    const officer = await this.officers.add(
      { username: options.username, password, authority: options.authority, roles: options.role },
      cliActor(),
    );
    console.log(`Created officer ${officer.username} (${officer.authority}; roles: ${officer.roles.join(', ')}).`);
  }

  @Option({
    flags: '--username <username>',
    description: 'login name: a-z, 0-9, dot, dash, underscore',
    required: true,
  })
  parseUsername(value: string): string {
    return value;
  }

  @Option({ flags: '--password-file <path>', description: 'a file holding the new password (12 to 256 characters)' })
  parsePasswordFile(value: string): string {
    return value;
  }

  @Option({ flags: '--authority <authority>', description: 'amr or hrss', required: true })
  parseAuthority(value: string): string {
    return value;
  }

  @Option({ flags: '--role <roles>', description: 'comma-separated: admin, issuer, revoker, auditor', required: true })
  parseRole(value: string): string[] {
    return value
      .split(',')
      .map((role) => role.trim())
      .filter(Boolean);
  }
}
