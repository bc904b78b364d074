import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { createApp } from './app.factory';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const levels = (['error', 'warn', 'log', 'debug'] as const).slice(
    0,
    ['error', 'warn', 'log', 'debug'].indexOf(config.logLevel) + 1,
  );
  const app = await createApp(config, [...levels]);
  await app.listen(config.port, config.host);
  console.log(`Certificate service listening on ${config.publicBaseUrl} (database: ${config.database.kind})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
