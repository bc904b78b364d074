import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac } from 'node:crypto';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { databaseOutageOf, DatabaseUnavailableError } from '../common/database-outage';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RATE_LIMITS_TABLE } from './migrations/1764375000000-shared-rate-limits';

/** One counter: `points` a window of `duration` seconds per key, counted under `keyPrefix`. */
export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  duration: number;
}

/** What the throttles use of rate-limiter-flexible: read, count, give back and clear a key. */
export interface Limiter {
  get(key: string): Promise<RateLimiterRes | null>;
  penalty(key: string, points: number): Promise<RateLimiterRes>;
  reward(key: string, points: number): Promise<RateLimiterRes>;
  delete(key: string): Promise<boolean>;
}

export type CreateLimiter = (options: LimiterOptions) => Limiter;

/** Counts in this process's memory: for SQLite (one process by construction) and unit tests. */
export const memoryLimiter: CreateLimiter = (options) => new RateLimiterMemory(options);

/**
 * Where the throttles count: in PostgreSQL (table `rate_limits`, made by a migration) when the
 * service runs on it, so every instance behind the load balancer shares one count and N
 * instances do not give an attacker N budgets; in memory on SQLite, which one process serves.
 *
 * Keys are an HMAC of the client address or username under RATE_LIMIT_KEY_SECRET: the table
 * holds no raw address, and the same secret on every instance gives the same key. A store that
 * fails (down, slow past the statement timeout, a missing grant) makes the request a 503:
 * a throttle that cannot count must not let a login through unchecked.
 */
@Injectable()
export class RateLimiters {
  private readonly logger = new Logger('RateLimiters');
  private readonly postgres: boolean;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  /** Shared by every instance on PostgreSQL; per process on SQLite. */
  readonly shared: CreateLimiter = (options) =>
    this.postgres ? this.wrap(this.postgresLimiter(options), true) : this.wrap(memoryLimiter(options), false);

  /** Counted where PUBLIC_RATE_LIMIT_STORE says: in memory by default, the edge limiting across instances. */
  readonly publicBudget: CreateLimiter = (options) =>
    this.config.publicRateLimitStore === 'database' ? this.shared(options) : this.wrap(memoryLimiter(options), false);

  private postgresLimiter(options: LimiterOptions): RateLimiterAbstract {
    return new RateLimiterPostgres({
      ...options,
      storeClient: this.dataSource,
      storeType: 'typeorm',
      tableName: RATE_LIMITS_TABLE,
      // The runtime role owns nothing and may not create the table; the migration did.
      tableCreated: true,
      // Expired rows are deleted every five minutes (an hour after they expire).
      clearExpiredByTimeout: true,
    });
  }

  /**
   * `stored`: the keys are written to the database, so they go as an HMAC (no client address at
   * rest). A process's memory keeps them as they are: the HMAC was ~3 % of a registry lookup.
   */
  private wrap(limiter: Limiter, stored: boolean): Limiter {
    const key = stored
      ? (raw: string) => createHmac('sha256', this.config.rateLimitKeySecret).update(raw).digest('base64url')
      : (raw: string) => raw;
    const guarded = <T>(work: Promise<T>) => work.catch((error: unknown) => this.outage(error));
    return {
      get: (raw) => guarded(limiter.get(key(raw))),
      penalty: (raw, points) => guarded(limiter.penalty(key(raw), points)),
      reward: (raw, points) => guarded(limiter.reward(key(raw), points)),
      delete: (raw) => guarded(limiter.delete(key(raw))),
    };
  }

  /** The global filter logs an outage it recognises with its cause; anything else is logged here. */
  private outage(error: unknown): never {
    if (databaseOutageOf(error)) throw error;
    this.logger.error(`Rate-limit store failed: ${error instanceof Error ? error.message : String(error)}`);
    throw new DatabaseUnavailableError('down');
  }
}
