import { InvalidCommand } from '../shared/errors';

/**
 * A housing count belongs to a quarter, written `YYYY-Qn`. A quarter, not a month: partners
 * report in batches, the board reads progress per year against the ~200-a-year path, and the
 * counts are small enough ("1 young person in Aarhus") that a month would come close to
 * pointing at a person. Quarters add up to years without any rounding question.
 */
export type Quarter = string;

const QUARTER = /^(\d{4})-Q([1-4])$/;

export function requireQuarter(field: string, value: unknown): Quarter {
  if (typeof value !== 'string' || !QUARTER.test(value)) {
    throw new InvalidCommand(field, 'quarter-period', `${field} must be a quarter as YYYY-Qn`);
  }
  return value;
}

export function quarterOf(day: string): Quarter {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

export function yearOfQuarter(quarter: Quarter): number {
  return Number(quarter.slice(0, 4));
}
