import pino, { Logger } from 'pino';
import { ConfigurationError, LedgerConfig, loadLedgerConfig } from '../config/ledger-config';

/** A logger for the moments before Nest runs (configuration, starting the embedded database). */
export function startupLogger(config?: LedgerConfig): Logger {
  const pretty = config?.log.pretty ?? Boolean(process.stdout.isTTY);
  return pino({
    level: config?.log.level ?? 'info',
    transport: pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  });
}

/** Loads the configuration; on a bad setting, prints one line naming it and exits with 1. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  try {
    return loadLedgerConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * On Ctrl-C or SIGTERM, runs the closers in order (the app first, then the database it used)
 * exactly once, then exits. A second signal while closing forces the exit.
 */
export function closeOnSignals(log: Logger, closers: Array<() => Promise<void>>): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      log.warn({ signal }, 'second signal while shutting down; exiting now');
      process.exit(1);
    }
    closing = true;
    log.info({ signal }, 'shutting down');
    void (async () => {
      let code = 0;
      for (const close of closers) {
        try {
          await close();
        } catch (error) {
          code = 1;
          log.error({ err: error }, 'error while shutting down');
        }
      }
      log.info('stopped');
      log.flush?.();
      process.exit(code);
    })();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
