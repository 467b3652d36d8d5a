import { asText, CellProblem, isBlank, type CellValue } from '../cell-values';
import type {
  ColumnSpec,
  CommandClass,
  KindSpec,
  PlanContext,
  RowCells,
  RowProblem,
} from '../import-plan';

export function column(
  key: string,
  header: string,
  aliases: string[],
  required: boolean,
  example: ColumnSpec['example'],
  note: string,
): ColumnSpec {
  return { key, header, aliases, required, example, note };
}

/** Reads a row's cells column by column, collecting every problem instead of stopping at one. */
export class RowReader {
  readonly problems: RowProblem[] = [];

  constructor(
    private readonly row: RowCells,
    private readonly spec: KindSpec,
  ) {}

  header(key: string): string {
    return this.row.headers[key] ?? this.spec.columns.find((c) => c.key === key)?.header ?? key;
  }

  problem(key: string | null, rule: string, message: string): void {
    this.problems.push({ column: key === null ? null : this.header(key), rule, message });
  }

  read<T>(
    key: string,
    parse: (value: CellValue) => T | undefined,
    required = false,
  ): T | undefined {
    const value = this.row.values[key] ?? null;
    try {
      const result = isBlank(value) ? undefined : parse(value);
      if (result === undefined && required) this.problem(key, 'required', 'is required');
      return result;
    } catch (error) {
      if (!(error instanceof CellProblem)) throw error;
      this.problem(key, error.rule, error.message);
      return undefined;
    }
  }

  text(key: string, required = false): string | undefined {
    return this.read(key, asText, required);
  }

  has(key: string): boolean {
    return !isBlank(this.row.values[key] ?? null);
  }
}

const NO_PARTNER = (value: string) =>
  `no partner "${value}" is recorded (give its partner id or its name as recorded)`;

export async function partnerId(
  reader: RowReader,
  context: PlanContext,
  key: string,
  value: string | undefined,
): Promise<string | undefined> {
  if (value === undefined) return undefined;
  const id = await context.resolver.partner(value);
  if (!id) reader.problem(key, 'known-partner', NO_PARTNER(value));
  return id;
}

export function command(
  commandClass: CommandClass,
  aggregate: 'partner' | 'initiative' | 'governance' | 'housing',
  streamId: string,
  payload: Record<string, unknown>,
  summary: string,
  dto?: { class: new () => object; body: Record<string, unknown> },
  step = '',
) {
  return { step, commandClass, aggregate, streamId, build: () => payload, dto, summary };
}

/**
 * A row that would record a second partner or initiative under a name already recorded with
 * another id: a conflict (the row is valid on its own, but the ledger has that name already).
 */
export function nameTaken(
  r: RowReader,
  what: 'a partner' | 'an initiative',
  rule: string,
  name: string,
  id: string,
  existing: string | undefined,
): RowProblem[] {
  if (existing === undefined || existing === id) return [];
  const noun = what.replace(/^an? /, '');
  return [
    {
      column: r.header('name'),
      rule,
      message: `${what} named "${name}" is recorded already (${noun} id ${existing})`,
    },
  ];
}
