import { Command, CommandRunner } from 'nest-commander';
import { AuditService } from '../audit/audit.service';

@Command({ name: 'audit:verify', description: 'Check the audit log hash chain; names the first broken entry' })
export class AuditVerifyCommand extends CommandRunner {
  constructor(private readonly audit: AuditService) {
    super();
  }

  async run(): Promise<void> {
    const result = await this.audit.verify();
    if (result.ok) {
      console.log(`Audit log intact: ${result.entries} entries, hash chain unbroken.`);
      return;
    }
    console.error(`Audit log BROKEN at entry ${result.brokenAt}: ${result.problem}.`);
    process.exitCode = 2;
  }
}
