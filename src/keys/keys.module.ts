import { Logger, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { completeDevKeySet, renewExpiringDevCertificates } from './dev-key-set';
import { KeyStore } from './key-store';
import { loadKeyStore } from './key-store-loader';

/**
 * Opens the key store at start: outside production, first generates whatever dev keys are
 * missing; then loads and checks everything, so a bad key stops the service before it listens.
 */
export async function openKeyStore(
  config: AppConfig,
  logger = new Logger('KeyStore'),
): Promise<KeyStore> {
  let generated = false;
  if (!config.isProduction) {
    const written = await completeDevKeySet(config.keysDir);
    generated = written.length > 0;
    if (generated) {
      logger.warn(
        [
          '*'.repeat(72),
          `Generated DEVELOPMENT keys in ${config.keysDir}: ${written.join(', ')}.`,
          'They are for development and tests ONLY. Certificates signed with them are worthless,',
          'and the service refuses to start with them in production.',
          '*'.repeat(72),
        ].join('\n'),
      );
    }
    // On the machine's real date, as the loader below checks them.
    const renewed = await renewExpiringDevCertificates(config.keysDir, new Date());
    if (renewed.length > 0)
      logger.warn(`Renewed expiring DEVELOPMENT certificates in ${config.keysDir}: ${renewed.join(', ')}.`);
  }
  // Key files are checked against the machine's real date, not the service's clock: outside
  // verifiers judge a certificate's validity on the real date, and a test's fixed clock must not
  // hide an expired key.
  const store = await loadKeyStore(config.keysDir, { production: config.isProduction, now: new Date() });
  if (store.usesDevelopmentKeys() && !generated) {
    logger.warn(`Using DEVELOPMENT keys from ${config.keysDir}; not for production.`);
  }
  return store;
}

/** The KeyStore, opened once for every module that imports this one; the JWKS endpoint is KeysApiModule. */
@Module({
  providers: [
    {
      provide: KeyStore,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => openKeyStore(config),
    },
  ],
  exports: [KeyStore],
})
export class KeysModule {}
