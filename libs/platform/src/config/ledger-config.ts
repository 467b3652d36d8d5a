import * as Joi from 'joi';

/** The kinds of event store the ledger can run on. */
export type EventStoreKind = 'postgres' | 'eventstoredb';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * Every setting the ledger reads from its environment, validated once at start-up.
 * Names follow the environment variables so an operator can map an error straight to a setting.
 */
export interface LedgerConfig {
  port: number;
  /** An existing PostgreSQL server. When absent, the embedded PostgreSQL is started. */
  databaseUrl?: string;
  embeddedPostgres: { dataDir: string; port: number };
  eventStore: { kind: EventStoreKind; connectionString?: string; signingKeyFile: string };
  log: { level: LogLevel; pretty: boolean };
  /** Whether the API process also runs the projector (the embedded default) or leaves it to apps/projector. */
  projector: 'in-process' | 'off';
  /** Events per projector transaction. */
  projectorBatchSize: number;
  /** Whether the API records the alliance's known history (apps/api/src/seed) on an empty event log. */
  seedDemoData: boolean;
  /** Access tokens (apps/api/src/auth): the file holding the signing secret, and their lifetime. */
  auth: { jwtSecretFile: string; tokenTtlSeconds: number };
  /** Origins a browser may call the API from; empty: CORS off (no Access-Control-* headers). */
  corsOrigins: string[];
  /** Requests per minute per client IP: everything, and POST /auth/login. */
  rateLimit: { perMinute: number; loginPerMinute: number };
  /** Reverse proxies in front of the API whose X-Forwarded-For is trusted for the client IP. */
  trustProxyHops: number;
  /**
   * Per account, whatever the address: after `afterFailures` failed logins in a row, logins are
   * refused (429) for `firstLockSeconds`, doubling with each further failure up to an hour.
   */
  loginLockout: { afterFailures: number; firstLockSeconds: number };
}

/** `8h`, `30m`, `3600s`, `1d` or plain seconds, as seconds. */
function durationSeconds(text: string): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  if (!match) return NaN;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/;

const schema = Joi.object({
  PORT: Joi.number().integer().min(1).max(65535).default(3000),
  DATABASE_URL: Joi.string()
    .uri({ scheme: ['postgres', 'postgresql'] })
    .messages({ 'string.uriCustomScheme': 'must be a postgres:// or postgresql:// URL' }),
  EMBEDDED_PG_DATA_DIR: Joi.string().default('data/postgres'),
  EMBEDDED_PG_PORT: Joi.number().integer().min(1).max(65535).default(5433),
  EVENT_STORE: Joi.string().valid('postgres', 'eventstoredb').default('postgres'),
  EVENTSTORE_CONNECTION_STRING: Joi.when('EVENT_STORE', {
    is: 'eventstoredb',
    then: Joi.string()
      .pattern(/^(esdb|kurrentdb|kurrent|kdb)(\+discover)?:\/\//)
      .required()
      .messages({
        'any.required': 'is required when EVENT_STORE=eventstoredb',
        'string.pattern.base': 'must start with esdb:// or kurrentdb://',
      }),
    otherwise: Joi.string().optional(),
  }),
  SIGNING_KEY_FILE: Joi.string().default('data/signing-key.pem'),
  LOG_LEVEL: Joi.string()
    .valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent')
    .default('info'),
  LOG_FORMAT: Joi.string().valid('json', 'pretty'),
  PROJECTOR: Joi.string().valid('in-process', 'off').default('in-process'),
  PROJECTOR_BATCH_SIZE: Joi.number().integer().min(1).max(10000).default(1000),
  SEED_DEMO_DATA: Joi.boolean().default(true),
  JWT_SECRET_FILE: Joi.string().default('data/jwt-secret'),
  JWT_TTL: Joi.string()
    .default('8h')
    .custom((value: string, helpers) => {
      const seconds = durationSeconds(value);
      return seconds >= 60 && seconds <= 7 * 86400 ? value : helpers.error('any.invalid');
    })
    .messages({ 'any.invalid': 'must be a duration from 1m to 7d, like 8h, 30m or 3600s' }),
  CORS_ORIGINS: Joi.string()
    .allow('')
    .default('')
    .custom((value: string, helpers) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean)
        .every((origin) => ORIGIN.test(origin))
        ? value
        : helpers.error('any.invalid'),
    )
    .messages({
      'any.invalid': 'must be a comma-separated list of origins like https://ledger.example.dk',
    }),
  RATE_LIMIT_PER_MINUTE: Joi.number().integer().min(1).max(1000000).default(300),
  LOGIN_RATE_LIMIT_PER_MINUTE: Joi.number().integer().min(1).max(1000).default(5),
  TRUST_PROXY_HOPS: Joi.number().integer().min(0).max(10).default(0),
  LOGIN_LOCK_AFTER_FAILURES: Joi.number().integer().min(1).max(1000).default(5),
  LOGIN_LOCK_SECONDS: Joi.number().integer().min(1).max(3600).default(30),
})
  // The process environment holds many unrelated variables; only ours are checked.
  .unknown(true)
  .prefs({ errors: { wrap: { label: false } } });

/** A setting that stops start-up; the message names the setting and the rule it broke. */
export class ConfigurationError extends Error {
  constructor(
    readonly setting: string,
    readonly rule: string,
  ) {
    super(`Invalid setting ${setting}: ${rule}`);
    this.name = 'ConfigurationError';
  }
}

export function loadLedgerConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const { value, error } = schema.validate(env, { abortEarly: true, convert: true });
  if (error) {
    const detail = error.details[0];
    const setting = String(detail.path[0] ?? detail.context?.key ?? 'configuration');
    const rule = detail.message.startsWith(setting)
      ? detail.message.slice(setting.length).trim()
      : detail.message;
    const given = detail.context?.value;
    throw new ConfigurationError(
      setting,
      given === undefined ? rule : `${rule} (got ${JSON.stringify(given)})`,
    );
  }
  return {
    port: value.PORT,
    databaseUrl: value.DATABASE_URL,
    embeddedPostgres: { dataDir: value.EMBEDDED_PG_DATA_DIR, port: value.EMBEDDED_PG_PORT },
    eventStore: {
      kind: value.EVENT_STORE,
      connectionString: value.EVENTSTORE_CONNECTION_STRING,
      signingKeyFile: value.SIGNING_KEY_FILE,
    },
    log: {
      level: value.LOG_LEVEL,
      // A person at a terminal gets readable lines; a container or CI gets JSON.
      pretty: value.LOG_FORMAT ? value.LOG_FORMAT === 'pretty' : Boolean(process.stdout.isTTY),
    },
    projector: value.PROJECTOR,
    projectorBatchSize: value.PROJECTOR_BATCH_SIZE,
    seedDemoData: value.SEED_DEMO_DATA,
    auth: { jwtSecretFile: value.JWT_SECRET_FILE, tokenTtlSeconds: durationSeconds(value.JWT_TTL) },
    corsOrigins: (value.CORS_ORIGINS as string)
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    rateLimit: {
      perMinute: value.RATE_LIMIT_PER_MINUTE,
      loginPerMinute: value.LOGIN_RATE_LIMIT_PER_MINUTE,
    },
    trustProxyHops: value.TRUST_PROXY_HOPS,
    loginLockout: {
      afterFailures: value.LOGIN_LOCK_AFTER_FAILURES,
      firstLockSeconds: value.LOGIN_LOCK_SECONDS,
    },
  };
}
