import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { AppError } from '../common/app-error';
import { AuditService, cliActor } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { isAuthorityId } from '../keys/authority';
import { rotateAuthorityKey } from '../keys/key-rotation';

interface KeysRotateOptions {
  authority: string;
  rootKey?: string;
}

@Command({ name: 'keys:rotate', description: "Replace an authority's signing key; the old public key stays published" })
export class KeysRotateCommand extends CommandRunner {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {
    super();
  }

  async run(_args: string[], options: KeysRotateOptions): Promise<void> {
    if (!isAuthorityId(options.authority)) throw new AppError('OFFICER_INVALID', '--authority must be amr or hrss.');
    const { oldKid, newKid } = await rotateAuthorityKey(this.config.keysDir, options.authority, {
      rootKeyPath: options.rootKey,
    });
    await this.audit.appendAlone({
      ...cliActor(),
      action: 'keys.rotated',
      subject: options.authority,
      details: { oldKid, newKid },
    });
    console.log(
      `Rotated ${options.authority}: new kid ${newKid}; retired ${oldKid} stays in the JWKS. Restart the service to sign with the new key.`,
    );
  }

  @Option({ flags: '--authority <authority>', description: 'amr or hrss', required: true })
  parseAuthority(value: string): string {
    return value;
  }

  @Option({ flags: '--root-key <path>', description: 'the root private key, when it is kept outside KEYS_DIR' })
  parseRootKey(value: string): string {
    return value;
  }
}
