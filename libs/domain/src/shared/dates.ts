import { InvalidCommand } from './errors';

/** A calendar day, `YYYY-MM-DD`. Plain strings compare correctly in calendar order. */
export type IsoDate = string;
/** An instant, ISO 8601 with an offset or `Z`. */
export type IsoDateTime = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `Date.parse` rolls 2019-02-30 over to March; the alliance's records must not. */
export function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isIsoDateTime(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = DATE_TIME.exec(value);
  if (!match || !isIsoDate(match[1])) return false;
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  return hours < 24 && minutes < 60 && seconds < 60;
}

export function requireIsoDate(field: string, value: unknown): IsoDate {
  if (value === undefined || value === null || value === '') {
    throw new InvalidCommand(field, 'required', `${field} is required`);
  }
  if (!isIsoDate(value)) {
    throw new InvalidCommand(field, 'iso-date', `${field} must be a real date as YYYY-MM-DD`);
  }
  return value as IsoDate;
}

export function optionalIsoDate(field: string, value: unknown): IsoDate | null {
  return value === undefined || value === null ? null : requireIsoDate(field, value);
}

/**
 * Resolves when a fact happened in the world: the command's own `occurredAt` (a day or an
 * instant), else `now` (the moment the command was received). Facts are often entered late, so
 * the command's date wins whenever it is given.
 */
export function resolveOccurredAt(
  value: string | undefined,
  now: string | undefined,
): { occurredAt: IsoDateTime; day: IsoDate } {
  const given = value ?? now;
  if (given === undefined) {
    throw new InvalidCommand('occurredAt', 'required', 'occurredAt is required');
  }
  if (isIsoDate(given)) return { occurredAt: dayStart(given), day: given };
  if (!isIsoDateTime(given)) {
    throw new InvalidCommand(
      'occurredAt',
      'iso-date',
      'occurredAt must be a real date (YYYY-MM-DD) or an ISO date-time',
    );
  }
  // The day as written (Danish local time), not as shifted to UTC: an election at 00:30 on
  // 15 May in Copenhagen happened on 15 May.
  return { occurredAt: new Date(given).toISOString(), day: given.slice(0, 10) };
}

export function dayStart(day: IsoDate): IsoDateTime {
  return `${day}T00:00:00.000Z`;
}

/** A half-open interval of days [from, until): a successor may start the day a term ends. */
export interface DayInterval {
  from: IsoDate;
  until: IsoDate | null;
}

export function overlaps(a: DayInterval, b: DayInterval): boolean {
  const aStartsBeforeBEnds = b.until === null || a.from < b.until;
  const bStartsBeforeAEnds = a.until === null || b.from < a.until;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

export function contains(interval: DayInterval, day: IsoDate): boolean {
  return interval.from <= day && (interval.until === null || day < interval.until);
}

export function earliest(...days: Array<IsoDate | null>): IsoDate | null {
  const known = days.filter((day): day is IsoDate => day !== null);
  return known.length === 0 ? null : known.reduce((a, b) => (a < b ? a : b));
}
