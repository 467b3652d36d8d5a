import { ConfigurationError, loadLedgerConfig } from './ledger-config';

describe('the ledger configuration', () => {
  it('falls back to the embedded PostgreSQL and the PostgreSQL event store when nothing is set', () => {
    const config = loadLedgerConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.embeddedPostgres).toEqual({ dataDir: 'data/postgres', port: 5433 });
    expect(config.eventStore.kind).toBe('postgres');
    expect(config.log.level).toBe('info');
    expect(config.loginLockout).toEqual({ afterFailures: 5, firstLockSeconds: 30 });
  });

  it('reads every setting from the environment', () => {
    const config = loadLedgerConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db.example:5432/ledger',
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://node1:2113?tls=false',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u:p@db.example:5432/ledger',
      eventStore: { kind: 'eventstoredb', connectionString: 'esdb://node1:2113?tls=false' },
      log: { level: 'debug', pretty: false },
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', /must be a number.*"abc"/],
    [{ PORT: '70000' }, 'PORT', /less than or equal to 65535/],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', /postgres:\/\/ or postgresql:\/\//],
    [{ EVENT_STORE: 'mongo' }, 'EVENT_STORE', /must be one of \[postgres, eventstoredb\]/],
    [
      { EVENT_STORE: 'eventstoredb' },
      'EVENTSTORE_CONNECTION_STRING',
      /required when EVENT_STORE=eventstoredb/,
    ],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /must be one of/],
    [{ LOGIN_LOCK_AFTER_FAILURES: '0' }, 'LOGIN_LOCK_AFTER_FAILURES', /greater than or equal to 1/],
    [{ LOGIN_LOCK_SECONDS: '7200' }, 'LOGIN_LOCK_SECONDS', /less than or equal to 3600/],
  ])('rejects %j naming %s and the rule', (env, setting, rule) => {
    let thrown: unknown;
    try {
      loadLedgerConfig(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigurationError);
    const error = thrown as ConfigurationError;
    expect(error.setting).toBe(setting);
    expect(error.message).toMatch(new RegExp(`^Invalid setting ${setting}: `));
    expect(error.message).toMatch(rule);
    expect(error.message).not.toContain('\n');
  });
});
