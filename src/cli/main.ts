import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { AppError } from '../common/app-error';
import { ConfigError } from '../config/app-config';
import { CliModule } from './cli.module';

/** `npm run cli -- <command> [options]`; exits non-zero with a one-line message on failure. */
async function main(): Promise<void> {
  // Given on the command line, a password is already exposed (ps, the shell's history): refused
  // before anything runs, whichever command it was given to.
  if (process.argv.slice(2).some((arg) => arg === '--password' || arg.startsWith('--password=')))
    fail(
      new Error(
        'error: --password is refused: a password is never taken from the command line, where ps and the shell history show it. Give --password-file FILE (chmod 600) or ZJZC_PASSWORD_FILE, or type it when asked.',
      ),
    );
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    errorHandler: (error) => fail(error),
    serviceErrorHandler: (error) => fail(error),
  });
}

function fail(error: unknown): never {
  if (error instanceof AppError) console.error(`error ${error.code}: ${error.message}`);
  else if (error instanceof ConfigError) console.error(error.message);
  else console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

main().catch(fail);
