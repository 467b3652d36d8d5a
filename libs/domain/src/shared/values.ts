import { InvalidCommand } from './errors';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

/** Ids end up in stream names (`partner-<id>`), so they are kept short and free of spaces. */
export function requireId(field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') {
    throw new InvalidCommand(field, 'required', `${field} is required`);
  }
  if (typeof value !== 'string' || !ID.test(value)) {
    throw new InvalidCommand(
      field,
      'id-format',
      `${field} must be 1-100 letters, digits, '-', '_', '.' or ':'`,
    );
  }
  return value;
}

export function requireText(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidCommand(field, 'required', `${field} is required`);
  }
  return value.trim();
}

export function optionalText(field: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string')
    throw new InvalidCommand(field, 'required', `${field} must be text`);
  return value.trim() === '' ? null : value.trim();
}

export function requireTextList(field: string, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new InvalidCommand(field, 'required', `${field} must be a list`);
  return value.map((item, index) => requireText(`${field}[${index}]`, item));
}

export function requireWholeNumberAboveZero(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new InvalidCommand(
      field,
      'whole-number-above-zero',
      `${field} must be a whole number above 0`,
    );
  }
  return value;
}

export function requirePositiveNumber(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidCommand(field, 'positive-number', `${field} must be a number above 0`);
  }
  return value;
}

export function requireOneOf<T extends string>(
  field: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidCommand(field, 'known-value', `${field} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** A list drawn from a fixed vocabulary, each entry at most once. */
export function requireDistinctOf<T extends string>(
  field: string,
  value: unknown,
  allowed: readonly T[],
): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new InvalidCommand(field, 'required', `${field} must be a list`);
  const items = value.map((item, index) => requireOneOf(`${field}[${index}]`, item, allowed));
  return requireDistinct(field, items);
}

export function requireDistinctIds(field: string, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new InvalidCommand(field, 'required', `${field} must be a list`);
  return requireDistinct(
    field,
    value.map((item, index) => requireId(`${field}[${index}]`, item)),
  );
}

export function requireDistinct<T>(field: string, items: T[]): T[] {
  if (new Set(items).size !== items.length) {
    throw new InvalidCommand(field, 'distinct-values', `${field} must not repeat an entry`);
  }
  return items;
}

/** Compares plain JSON values; used to refuse revisions that change nothing. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
