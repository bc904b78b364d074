import { Injectable } from '@nestjs/common';
import { statSync } from 'node:fs';
import { AppError } from '../common/app-error';
import type { Role } from '../officers/officer.entity';
import { AuthenticatedOfficer, OfficersService } from '../officers/officers.service';
import { readInputFile } from './evaluation-cli-support';
import { TerminalService } from './terminal.service';

export interface SignInOptions {
  user?: string;
  passwordFile?: string;
}

/**
 * An office command acts as an officer, as the API does: the audit log names the officer and
 * their authority, and the services' authority rules apply to them. The password comes from
 * a file or is typed without echo, never from the command line, where `ps` and the shell's
 * history would show it to others.
 *
 * The API's login throttle counts failures in the server's memory, out of this process's
 * reach; a CLI user already holds the database's credentials, so a guess here gains nothing
 * the database does not give. Each attempt still costs a full argon2 verification.
 */
@Injectable()
export class OfficerSignInService {
  constructor(
    private readonly officers: OfficersService,
    private readonly terminal: TerminalService,
  ) {}

  /** The signed-in officer holding one of `roles`; refused like the API refuses (401, 403). */
  async signIn(options: SignInOptions, roles: readonly Role[]): Promise<AuthenticatedOfficer> {
    if (!options.user)
      throw new AppError('AUTH_REQUIRED', 'Sign in: --user <username> (the password is asked, or --password-file).');
    const password = await this.password(options);
    const { officer } = (await this.officers.authenticate(options.user, password)) ?? {};
    if (!officer) throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password.');
    if (!roles.some((role) => officer.roles.includes(role)))
      throw new AppError(
        'FORBIDDEN_ROLE',
        `This needs the role ${roles.join(' or ')}; ${officer.username} has ${officer.roles.join(', ')}.`,
      );
    return officer;
  }

  /** A password from `--password-file` (or ZJZC_PASSWORD_FILE), else typed at the terminal. */
  async password(options: { passwordFile?: string }, question = 'Password: '): Promise<string> {
    if (options.passwordFile) return readPasswordFile(options.passwordFile);
    if (this.terminal.interactive) return this.terminal.askHidden(question);
    throw new AppError(
      'AUTH_REQUIRED',
      'No password: give --password-file FILE, or run the command on a terminal to type it.',
    );
  }
}

/** The file's first line: an editor's final newline is not part of the password. */
export function readPasswordFile(path: string): string {
  const text = readInputFile(path).toString('utf8');
  // Like ssh with a private key: a password others can read is no longer the officer's alone.
  if ((statSync(path).mode & 0o077) !== 0)
    console.error(`warning: ${path} can be read by other users; make it private: chmod 600 ${path}`);
  const password = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0];
  if (!password) throw new AppError('VALIDATION_FAILED', `${path} is empty: write the password on its first line.`);
  return password;
}
