import { z } from 'zod';

/** Every environment variable zonedesk reads. Documented in README.md ("Configuration"). */
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Seconds a resolved session (user and scope) is kept in memory; 0 turns the cache off (decision 026). */
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(30).default(30),
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * Which proxy's X-Forwarded-For to believe for the client address (rate limits, audit): unset or
   * `false` = none (the socket's address); a hop count (`1`); or addresses/CIDRs (`127.0.0.1,10.0.0.0/8`).
   * `true` (any proxy) lets a client pick its own address: refused.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine((v) => v !== 'true', 'name the proxy (hop count or addresses), not `true`: any client could then choose its address')
    .refine((v) => v === 'false' || /^\d{1,2}$/.test(v) || /^[\d.:a-fA-F/]+(\s*,\s*[\d.:a-fA-F/]+)*$/.test(v), 'false, a hop count, or comma-separated addresses/CIDRs')
    .transform((v): false | number | string[] => (v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v.split(',').map((a) => a.trim()))),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  /**
   * How responses are written: `fast` (a serializer compiled from each response schema, the zod one
   * where a schema cannot be compiled), `zod` (always through the zod schema), `compare` (both, a
   * difference is an error). Unset: `compare` under NODE_ENV=test, otherwise `fast`.
   */
  RESPONSE_SERIALIZER: z.enum(['fast', 'zod', 'compare']).optional(),
  SEED_ON_EMPTY: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parses the environment once; a bad variable stops the process with a message naming every one. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])])})`);
    throw new ConfigError(`Invalid configuration / 配置错误:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** A config for tests and tools: defaults plus overrides, never the process environment. */
export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_ON_EMPTY: 'false', ...overrides });
}
