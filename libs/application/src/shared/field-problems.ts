import type { ValidationError } from 'class-validator';

/** One thing wrong with one field: where (`goal.homes`, `scores[0].body`), which rule, and why. */
export interface FieldProblem {
  field: string;
  /** A rule name, the domain's own where there is one (`whole-number-above-zero`). */
  rule: string;
  message: string;
}

/**
 * Input a use case cannot take, each bad field named. The API answers it 400 with the fields
 * (the same body as the ValidationPipe's), the CLI prints the fields; the use case does not know
 * which of the two asked.
 */
export class InvalidInput extends Error {
  constructor(readonly fields: FieldProblem[]) {
    super(fields.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'InvalidInput';
  }
}

/** class-validator's tree of errors as a flat list, with nested paths as the client wrote them. */
export function fieldProblemsFrom(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = pathOf(parent, error.property);
    if (error.value === undefined && error.constraints) {
      // Absent, yet checked (optional fields are skipped before any check): whatever its checks
      // say about a value (its type, its length), the one thing to tell is that it is missing.
      problems.push({ field, rule: 'required', message: 'is required' });
      continue;
    }
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      problems.push(problemOf(field, constraint, message, error.contexts?.[constraint]));
    }
    problems.push(...fieldProblemsFrom(error.children ?? [], field));
  }
  // One problem per field, the first check it fails (presence, then type, then range): a
  // missing count is "required", not also "not a whole number" and "too large".
  const seen = new Set<string>();
  return problems.filter((p) => {
    if (seen.has(p.field)) return false;
    seen.add(p.field);
    return true;
  });
}

function pathOf(parent: string, property: string): string {
  if (parent === '') return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}

function problemOf(
  field: string,
  constraint: string,
  message: string,
  context: { rule?: unknown } | undefined,
): FieldProblem {
  if (constraint === 'whitelistValidation') {
    return { field, rule: 'known-field', message: 'is not a field of this command' };
  }
  if (typeof context?.rule === 'string') return { field, rule: context.rule, message };
  // A check without our own wording (a library default): keep its message, minus the repeated name.
  return { field, rule: constraint, message: message.replace(/^\S+\s/, '') };
}
