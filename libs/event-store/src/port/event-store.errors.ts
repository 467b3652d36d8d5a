import { ExpectedVersion } from './event-envelope';

/** The stream moved since the caller read it: nothing was appended; the caller may retry. */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's last version, or null when it does not exist. */
    readonly actual: number | null,
  ) {
    super(
      `stream ${streamId} is at ${actual === null ? 'no stream' : `version ${actual}`}, ` +
        `expected ${typeof expected === 'number' ? `version ${expected}` : expected.replace('_', ' ')}`,
    );
    this.name = 'ConcurrencyError';
  }
}

/** An append or read the store refuses before touching the log; names the field and the rule. */
export class InvalidAppendError extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`);
    this.name = 'InvalidAppendError';
  }
}

/** An event type the registry does not know, on append or on read. */
export class UnknownEventTypeError extends Error {
  constructor(
    readonly eventType: string,
    readonly schemaVersion?: number,
  ) {
    super(
      schemaVersion === undefined
        ? `unknown event type ${eventType}`
        : `unknown schema version ${schemaVersion} of event type ${eventType}`,
    );
    this.name = 'UnknownEventTypeError';
  }
}
