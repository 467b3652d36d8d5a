import { ValueTransformer } from 'typeorm';

/**
 * bigint and numeric columns as numbers: pg hands them over as text, so that no precision is
 * lost silently; log positions (below 2^53) and commitment quantities are well within a double.
 */
export const asNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A jsonb list that starts empty, as the migrations declare it. */
export const EMPTY_LIST = () => "'[]'";
