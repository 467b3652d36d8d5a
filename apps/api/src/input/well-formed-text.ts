import type { FieldProblem } from '../http-errors/field-problems';

/**
 * What no text the ledger keeps may hold, wherever it comes from (a body, a query, a path):
 * NUL, which PostgreSQL cannot store (a 500 deep in an INSERT), and a UTF-16 surrogate without
 * its partner, which has no UTF-8 form (PostgreSQL refuses it in jsonb; elsewhere it would turn
 * into U+FFFD silently, and a hash-chained event would hold text the client never sent).
 */
export const WELL_FORMED_TEXT = 'well-formed-text';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why this text cannot be kept, or undefined when it can. */
export function textFault(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) {
    return 'must not contain a lone UTF-16 surrogate (U+D800-U+DFFF without its pair)';
  }
  return undefined;
}

/**
 * Every faulty text in a decoded value (object keys too), named by its path as a 400 names
 * fields (`goal.unit`, `scores[0].body`).
 */
export function textProblemsIn(value: unknown, path = '', depth = 0): FieldProblem[] {
  if (typeof value === 'string') {
    const fault = textFault(value);
    return fault ? [{ field: path || 'body', rule: WELL_FORMED_TEXT, message: fault }] : [];
  }
  // JSON bodies are limited to 1 MB, but a nesting limit keeps a pathological one off the stack.
  if (value === null || typeof value !== 'object' || depth > 64) return [];
  const problems: FieldProblem[] = [];
  for (const [key, inner] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    const keyFault = Array.isArray(value) ? undefined : textFault(key);
    if (keyFault) problems.push({ field: at, rule: WELL_FORMED_TEXT, message: `name ${keyFault}` });
    problems.push(...textProblemsIn(inner, at, depth + 1));
  }
  return problems;
}
