import { InvalidInput } from '../shared/field-problems';
import { YEAR_RANGE, yearInRange } from '../shared/date-range';

/**
 * The two kinds of "as of": a date in the world (what was true then, by occurredAt) and a date of
 * knowledge (what the records said then, by recordedAt). A day means up to the end of that day
 * (UTC); a date-time means up to that instant.
 */
export interface AsOf {
  asOf: string;
  knownOn: string;
  /** The world day, for facts dated by day (seats). */
  worldDay: string;
  /** Exclusive upper bounds. */
  worldBefore: Date;
  knownBefore: Date;
  /** No knowledge date was asked for: everything recorded so far counts. */
  knowsEverything?: boolean;
}

export const MOMENT_PATTERN =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** What a moment must be, for the answers that refuse one. */
export const MOMENT_RULE = `must be a date (YYYY-MM-DD) or an ISO date-time, in the years ${YEAR_RANGE}`;

/**
 * A day (YYYY-MM-DD, that whole day in UTC) or an instant (ISO date-time): where it starts and its
 * exclusive upper bound; undefined when it is neither, names a day the calendar lacks
 * (2020-02-30), or a year outside the one range every date is held to (date-range.ts). Shared by
 * the query API and the auditor's tools, which each answer bad input in their own way.
 */
export function readMoment(text: string): { start: Date; before: Date } | undefined {
  const day = text.slice(0, 10);
  const calendar = new Date(`${day}T00:00:00.000Z`);
  const valid =
    MOMENT_PATTERN.test(text) &&
    yearInRange(text) &&
    !Number.isNaN(calendar.getTime()) &&
    calendar.toISOString().slice(0, 10) === day;
  const start = text.length === 10 ? calendar : new Date(text);
  if (!valid || Number.isNaN(start.getTime())) return undefined;
  return { start, before: new Date(start.getTime() + (text.length === 10 ? 86_400_000 : 1)) };
}

/** A day or an instant from the query string (or the fallback): its exclusive upper bound. */
export function parseMoment(
  field: string,
  value: string | undefined,
  fallback: string,
): { text: string; before: Date } {
  const text = value ?? fallback;
  const moment = readMoment(text);
  if (!moment) {
    throw new InvalidInput([
      { field, rule: 'iso-date', message: `${MOMENT_RULE} (got ${JSON.stringify(value)})` },
    ]);
  }
  return { text, before: moment.before };
}

export function parseDay(field: string, value: string | undefined, fallback: string): string {
  return parseMoment(field, value, fallback).text.slice(0, 10);
}

export function asOfFrom(query: { asOf?: string; knownOn?: string }, now = new Date()): AsOf {
  const today = now.toISOString().slice(0, 10);
  const world = parseMoment('asOf', query.asOf, today);
  const known = parseMoment(
    'knownOn',
    query.knownOn,
    query.asOf && !query.knownOn ? now.toISOString() : today,
  );
  return {
    asOf: world.text,
    knownOn: known.text,
    worldDay: world.text.slice(0, 10),
    worldBefore: world.before,
    knownBefore: known.before,
    knowsEverything: query.knownOn === undefined,
  };
}
