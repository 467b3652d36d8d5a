/**
 * The one range every date a client gives must fall in, in queries and in commands alike. The
 * alliance's records start in 2016 and its plans reach decades ahead; a year outside 1900-2200 is
 * a typo (0000, 9999), and such years break what reads them: PostgreSQL has no year 0, and a day
 * after 9999-12-31 has no ISO form a query can send.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;

/** For messages: "from 1900 to 2200". */
export const YEAR_RANGE = `from ${FIRST_YEAR} to ${LAST_YEAR}`;

/** Whether a date, date-time or quarter written `YYYY...` names a year in the range. */
export function yearInRange(text: unknown): boolean {
  if (typeof text !== 'string' || !/^\d{4}(?!\d)/.test(text)) return false;
  const year = Number(text.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}
