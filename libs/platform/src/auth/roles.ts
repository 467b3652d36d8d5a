/**
 * What a user may do. Every endpoint names the roles it admits (apps/api/src/auth):
 *
 * - `secretariat` records everything (every POST) and reads everything but the raw log;
 * - `board` reads everything but the raw log and the audit endpoints;
 * - `auditor` reads everything, including the raw log and /audit, and writes nothing;
 * - `admin` manages users (the CLI) and nothing else.
 */
export const ROLES = ['secretariat', 'board', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
