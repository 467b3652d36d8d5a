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
}

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
  };
}
