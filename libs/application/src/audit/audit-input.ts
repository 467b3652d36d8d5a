import { MOMENT_RULE, readMoment } from '../queries/as-of';

/**
 * Bad input to an audit tool: names the field and the rule. The HTTP layer answers 400 (or 404
 * when something asked for is not in the log); the CLI prints the message and exits non-zero.
 * Thrown before anything is written, so nothing changes.
 */
export class AuditInputError extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(`${field}: ${rule}`);
    this.name = 'AuditInputError';
  }
}

/** A moment given as a day (YYYY-MM-DD, meaning that whole day, UTC) or an ISO instant. */
export interface Moment {
  text: string;
  /** The first instant of the day, or the instant itself. */
  start: Date;
  /** Exclusive upper bound: the end of the day, or just after the instant. */
  before: Date;
}

export function parseMomentInput(field: string, value: string): Moment {
  const text = String(value).trim();
  const moment = readMoment(text);
  if (!moment) {
    throw new AuditInputError(field, `${MOMENT_RULE} (got ${JSON.stringify(value)})`);
  }
  return { text, ...moment };
}

export function optionalMoment(field: string, value: string | undefined): Moment | undefined {
  return value === undefined || value === '' ? undefined : parseMomentInput(field, value);
}

/** from and to, both optional; to must not be before from. */
export function parseRange(
  from: string | undefined,
  to: string | undefined,
  fields: [string, string] = ['from', 'to'],
): { from?: Moment; to?: Moment } {
  const start = optionalMoment(fields[0], from);
  const end = optionalMoment(fields[1], to);
  if (start && end && end.before.getTime() <= start.start.getTime()) {
    throw new AuditInputError(
      fields[1],
      `must not be before ${fields[0]} (${fields[0]} ${start.text}, ${fields[1]} ${end.text}): the range is backwards`,
    );
  }
  return { from: start, to: end };
}

export function positiveInteger(
  field: string,
  value: string | number | undefined,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
  min = 1,
): number {
  if (value === undefined || value === '') return fallback;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max || !/^\d+$/.test(String(value))) {
    throw new AuditInputError(
      field,
      `must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`,
    );
  }
  return n;
}
