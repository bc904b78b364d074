import { Command, CommandRunner, Option } from 'nest-commander';
import { cliActor } from '../audit/audit.service';
import { OfficersService } from '../officers/officers.service';

interface OfficerAddOptions {
  username: string;
  password: string;
  authority: string;
  role: string[];
}

@Command({ name: 'officer:add', description: 'Create an officer account of one authority' })
export class OfficerAddCommand extends CommandRunner {
  constructor(private readonly officers: OfficersService) {
    super();
  }

  async run(_args: string[], options: OfficerAddOptions): Promise<void> {
    const officer = await this.officers.add(
      { username: options.username, password: options.password, authority: options.authority, roles: options.role },
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

  @Option({ flags: '--password <password>', description: 'at least 12 characters', required: true })
  parsePassword(value: string): string {
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
