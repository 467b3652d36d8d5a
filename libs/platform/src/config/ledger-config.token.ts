/** Injection token for the validated LedgerConfig. */
export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');
