import { Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { existsSync, readFileSync } from 'node:fs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource, In } from 'typeorm';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AUTHORITY_IDS } from '../keys/authority';
import { KeyStore } from '../keys/key-store';
import { writeFileAtomically, PUBLIC_FILE_MODE } from '../keys/key-files';
import { importVerifierKey } from '../transparency/checkpoint';
import { verifierKey } from '../transparency/checkpoint-signer';
import { monitorLog } from '../transparency/log-monitor';

interface LogMonitorOptions {
  from: string;
  url?: string;
}

@Command({
  name: 'log:monitor',
  description:
    'Check the transparency log against a saved checkpoint (exit 2 naming the first bad entry), then save the new one',
})
export class LogMonitorCommand extends CommandRunner {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: KeyStore,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  async run(_args: string[], options: LogMonitorOptions): Promise<void> {
    const base = (options.url ?? this.config.publicBaseUrl).replace(/\/+$/, '');
    const saved = existsSync(options.from) ? readFileSync(options.from, 'utf8') : undefined;
    if (saved === undefined) console.log(`No checkpoint at ${options.from} yet: checking the whole log from size 0.`);
    // The two pinned verifier keys: this office's own log keys, never ones the server hands out.
    const verifiers = await Promise.all(
      AUTHORITY_IDS.map((authority) => importVerifierKey(authority, verifierKey(this.keys.logKey(authority)))),
    );
    const result = await monitorLog(saved, verifiers, {
      fetchText: async (path) => {
        const response = await fetch(`${base}${path}`);
        return { status: response.status, text: await response.text() };
      },
      auditHashes: async (seqs) => {
        const rows = await this.dataSource
          .getRepository(AuditEntryEntity)
          .find({ select: { seq: true, hash: true }, where: { seq: In([...new Set(seqs)]) } });
        return new Map(rows.map((row) => [row.seq, row.hash]));
      },
    });
    if (!result.ok) {
      console.error(`Transparency log check FAILED: ${result.problem}.`);
      process.exitCode = 2;
      return;
    }
    writeFileAtomically(options.from, result.note, PUBLIC_FILE_MODE);
    console.log(
      `Transparency log consistent: size ${result.from} → ${result.to}, ${result.replayed} new entries replayed, both signatures verified. Saved the new checkpoint to ${options.from}.`,
    );
  }

  @Option({
    flags: '--from <file>',
    description: 'the checkpoint saved by the last run (written back on success)',
    required: true,
  })
  parseFrom(value: string): string {
    return value;
  }

  @Option({ flags: '--url <base>', description: 'the public service (default PUBLIC_BASE_URL)' })
  parseUrl(value: string): string {
    return value;
  }
}
