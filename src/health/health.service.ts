import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DatabaseOutage, databaseOutageOf } from '../common/database-outage';

export type DatabaseState = 'up' | DatabaseOutage;

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: DatabaseState;
}

/** A database that answers slower than this counts as down: health must answer fast. */
const PROBE_TIMEOUT_MS = 2000;

/**
 * Whether the service can serve: the database answers and its schema is there. `SELECT 1`
 * alone says "up" on a database restored empty while every request fails, so the probe reads
 * a table every lookup reads (one row at most, whatever its size).
 */
@Injectable()
export class HealthService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async check(): Promise<HealthReport> {
    const database = await Promise.race([
      this.probe(),
      new Promise<DatabaseState>((resolve) => setTimeout(resolve, PROBE_TIMEOUT_MS, 'down').unref()),
    ]);
    return { status: database === 'up' ? 'ok' : 'degraded', database };
  }

  private probe(): Promise<DatabaseState> {
    return this.dataSource.query('SELECT 1 FROM certificates LIMIT 1').then(
      () => 'up',
      (error: unknown) => (databaseOutageOf(error) === 'schema-missing' ? 'schema-missing' : 'down'),
    );
  }
}
