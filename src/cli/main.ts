import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { AppError } from '../common/app-error';
import { ConfigError } from '../config/app-config';
import { CliModule } from './cli.module';

/** `npm run cli -- <command> [options]`; exits non-zero with a one-line message on failure. */
async function main(): Promise<void> {
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
