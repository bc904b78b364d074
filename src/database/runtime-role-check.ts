import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RUNTIME_GROUP_ROLE } from './migrations/1764320000000-append-only-hardening';

/** The start stops: DATABASE_URL's role cannot do what the service must (docs/database.md). */
export class RuntimeRoleError extends Error {}

interface RolePowers {
  name: string;
  canAppend: boolean;
  canRewrite: boolean;
  ownsLog: boolean;
  superuser: boolean;
}

/**
 * With separate roles (DATABASE_MIGRATION_URL), checks at start that the service's role can
 * append to the audit log (else every change would fail later, one request at a time), and warns
 * when it could rewrite it (owner, superuser, UPDATE or DELETE): then the split protects nothing.
 */
@Injectable()
export class RuntimeRoleCheck implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.database.kind !== 'postgres' || this.config.database.migrationUrl === undefined) return;
    // to_regclass: NULL (not an error) where the role may not even see the schema.
    const [role] = await this.dataSource.query<RolePowers[]>(`WITH log AS (SELECT to_regclass('audit_log') AS oid)
      SELECT current_user AS name,
        coalesce(has_table_privilege(log.oid, 'INSERT'), false) AS "canAppend",
        coalesce(has_table_privilege(log.oid, 'UPDATE, DELETE, TRUNCATE'), false) AS "canRewrite",
        coalesce(pg_has_role((SELECT relowner FROM pg_class WHERE oid = log.oid), 'MEMBER'), false) AS "ownsLog",
        (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser
      FROM log`);
    if (!role.canAppend) {
      throw new RuntimeRoleError(
        `DATABASE_URL: role ${role.name} may not append to the audit log; make it a member of ${RUNTIME_GROUP_ROLE} (docs/database.md)`,
      );
    }
    if (role.canRewrite || role.ownsLog || role.superuser) {
      this.logger.warn(
        `DATABASE_URL: role ${role.name} could rewrite the audit log (owner, superuser or UPDATE/DELETE); run the service as a role that owns nothing (docs/database.md)`,
      );
    }
  }
}
