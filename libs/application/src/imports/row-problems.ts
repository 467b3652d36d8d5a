import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainRuleViolation, InvalidCommand, NotFoundInDomain } from '@ledger/domain';
import { UnknownReference } from '../recording/references';
import { fieldProblemsFrom } from '../shared/field-problems';
import type { KindSpec, PlannedRow, RowProblem } from './import-plan';

/** The DTO checks the API would make on the body (class-validator), with their columns. */
export function validateBodies(
  plan: PlannedRow,
  spec: KindSpec,
  headers: Record<string, string>,
): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const command of plan.commands) {
    if (!command.dto) continue;
    const instance = plainToInstance(
      command.dto.class,
      JSON.parse(JSON.stringify(command.dto.body)),
    );
    const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
    for (const field of fieldProblemsFrom(errors)) {
      problems.push({
        column: columnOf(field.field, spec, headers),
        rule: field.rule,
        message: field.message,
      });
    }
  }
  return problems;
}

function columnOf(field: string, spec: KindSpec, headers: Record<string, string>): string | null {
  const key = spec.fieldColumns[field] ?? spec.fieldColumns[field.split(/[.[]/)[0]];
  if (!key) return null;
  return headers[key] ?? spec.columns.find((c) => c.key === key)?.header ?? key;
}

export function domainProblem(
  error: unknown,
  spec: KindSpec,
  headers: Record<string, string>,
): RowProblem {
  if (error instanceof InvalidCommand) {
    return {
      column: columnOf(error.field, spec, headers),
      rule: error.rule,
      message: error.message,
    };
  }
  if (error instanceof DomainRuleViolation) {
    const key = spec.ruleColumns[error.rule];
    const column = key
      ? (headers[key] ?? spec.columns.find((c) => c.key === key)?.header ?? key)
      : null;
    return { column, rule: error.rule, message: error.message };
  }
  if (error instanceof UnknownReference) {
    return {
      column: columnOf(error.field.replace(/\[\d+\]$/, ''), spec, headers),
      rule: 'known-reference',
      message: error.message,
    };
  }
  if (error instanceof NotFoundInDomain) {
    return {
      column: columnOf(`${error.what}Id`, spec, headers),
      rule: 'not-found',
      message: error.message,
    };
  }
  if (error instanceof Error && 'rule' in error && typeof error.rule === 'string') {
    return { column: null, rule: error.rule, message: error.message };
  }
  throw error;
}
