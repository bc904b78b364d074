import { resolve } from 'node:path';
import { z } from 'zod';
import { parseFallbackFonts } from './fallback-fonts';

/**
 * The service's configuration, parsed once from the environment at start.
 * This file is the only reader of `process.env` in the application.
 */
const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/.+|sqlite:.+)$/, 'must be postgres://… or sqlite:<path>')
    .default('sqlite:data/certificates.sqlite'),
  // The schema owner's URL: migrations run as it, the service as DATABASE_URL's role (docs/database.md).
  DATABASE_MIGRATION_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+$/, 'must be postgres://… (the role that owns the schema)')
    .optional(),
  // A hung or overloaded database answers 503 after these, never a request that hangs (docs/deployment.md).
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  // The HMAC key of rate-limit keys stored in PostgreSQL (no raw client address at rest); the same on every instance.
  RATE_LIMIT_KEY_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional(),
  PUBLIC_RATE_LIMIT_STORE: z.enum(['database', 'memory']).optional(),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  KEYS_DIR: z.string().min(1).default('keys'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug']).default('log'),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(false|true|\d+|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/,
      'must be false, true, a hop count, or comma-separated proxy addresses/CIDRs',
    )
    .default('false'),
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000_000).default(120),
  CLOCK_FIXED_AT: z.iso.datetime({ offset: true }).optional(),
});

export type DatabaseConfig =
  { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; migrationUrl?: string };

/** How long the PostgreSQL pool waits for a connection and lets one statement run (unused on SQLite). */
export interface DatabaseTimeouts {
  connectMs: number;
  statementMs: number;
}

/** Development and test runs only: production on PostgreSQL must set RATE_LIMIT_KEY_SECRET. */
const DEVELOPMENT_RATE_LIMIT_KEY_SECRET = 'development-only rate-limit key secret, never in production';

export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  isProduction: boolean;
  port: number;
  host: string;
  database: DatabaseConfig;
  databaseTimeouts: DatabaseTimeouts;
  /** The HMAC key the throttles hash client addresses and usernames with before they count them. */
  rateLimitKeySecret: string;
  /**
   * Where the public budgets are counted: `database` (PostgreSQL only, shared by every instance)
   * or `memory` (per process; when the load balancer enforces per-client limits). Login and
   * holder-download throttles are always in PostgreSQL when the database is.
   */
  publicRateLimitStore: 'database' | 'memory';
  /** Base of the public verification links (`${publicBaseUrl}/v#…`), without a trailing slash. */
  publicBaseUrl: string;
  keysDir: string;
  accessTokenTtlSeconds: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** Requests a minute per client address for public lookups, and again for verifications. */
  publicRateLimitPerMinute: number;
  /**
   * Whose X-Forwarded-For to believe (Fastify's trustProxy). Behind a reverse proxy this must
   * name it, or every client shares the proxy's address in rate limits and login throttles.
   */
  trustProxy: boolean | number | string[];
  /**
   * Test runs only: the instant the service's clock stands at, so the CLI and a test app agree on
   * "today" whatever the machine's date. Refused outside NODE_ENV=test.
   */
  clockFixedAt: Date | undefined;
  /** Font files drawn, in order, for characters the certificate font lacks (docs/pdf.md, Font). */
  pdfFallbackFonts: string[];
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment; throws a ConfigError listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(cleaned);
  // Read from `env`, not `cleaned`: an empty PDF_FALLBACK_FONTS means "no fallback", not "default".
  const fallbackFonts = parseFallbackFonts(env.PDF_FALLBACK_FONTS);
  if (!parsed.success || fallbackFonts.problems.length > 0) {
    throw new ConfigError([
      ...(parsed.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      ...fallbackFonts.problems,
    ]);
  }
  const e = parsed.data;
  if (e.CLOCK_FIXED_AT !== undefined && e.NODE_ENV !== 'test') {
    throw new ConfigError(['CLOCK_FIXED_AT: a fixed clock is only for NODE_ENV=test']);
  }
  if (e.DATABASE_MIGRATION_URL !== undefined && e.DATABASE_URL.startsWith('sqlite:')) {
    throw new ConfigError(['DATABASE_MIGRATION_URL: only with a PostgreSQL DATABASE_URL']);
  }
  const postgres = !e.DATABASE_URL.startsWith('sqlite:');
  if (postgres && e.NODE_ENV === 'production' && e.RATE_LIMIT_KEY_SECRET === undefined) {
    throw new ConfigError([
      'RATE_LIMIT_KEY_SECRET: required in production with PostgreSQL (the same secret on every instance; docs/deployment.md)',
    ]);
  }
  if (!postgres && e.PUBLIC_RATE_LIMIT_STORE === 'database') {
    throw new ConfigError(['PUBLIC_RATE_LIMIT_STORE: database only with a PostgreSQL DATABASE_URL']);
  }
  const database: DatabaseConfig = !postgres
    ? { kind: 'sqlite', path: resolve(e.DATABASE_URL.slice('sqlite:'.length)) }
    : { kind: 'postgres', url: e.DATABASE_URL, migrationUrl: e.DATABASE_MIGRATION_URL };
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    nodeEnv: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    port: e.PORT,
    host: e.HOST,
    database,
    databaseTimeouts: { connectMs: e.DATABASE_CONNECT_TIMEOUT_MS, statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS },
    rateLimitKeySecret: e.RATE_LIMIT_KEY_SECRET ?? DEVELOPMENT_RATE_LIMIT_KEY_SECRET,
    publicRateLimitStore: e.PUBLIC_RATE_LIMIT_STORE ?? 'memory',
    publicBaseUrl,
    keysDir: resolve(e.KEYS_DIR),
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    logLevel: e.LOG_LEVEL,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    publicRateLimitPerMinute: e.PUBLIC_RATE_LIMIT_PER_MINUTE,
    clockFixedAt: e.CLOCK_FIXED_AT === undefined ? undefined : new Date(e.CLOCK_FIXED_AT),
    pdfFallbackFonts: fallbackFonts.paths,
  };
}

function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',');
}

/** The process's configuration; parsed on first use. */
let cached: AppConfig | undefined;
export function loadConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
