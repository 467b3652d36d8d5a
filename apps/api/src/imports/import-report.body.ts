import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { importKinds, type ImportKind } from '@ledger/application';
import type {
  ImportedCommand,
  ImportReport,
  ImportRowReport,
  RowStatus,
} from '@ledger/application';
import type { FileProblem, SpreadsheetFormat } from '@ledger/application';

/**
 * POST /imports' report, for the OpenAPI document. Each class `implements` the service's type,
 * so a field added there and not here fails to compile.
 */

export class ImportFileBody {
  @ApiProperty({ example: 'partners.xlsx' })
  name: string;
  @ApiProperty({ enum: ['xlsx', 'csv'], nullable: true, example: 'xlsx' })
  format: SpreadsheetFormat | null;
  @ApiProperty({ type: 'integer', example: 10240 })
  bytes: number;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  sha256: string;
}

export class ImportSummaryBody {
  @ApiProperty({ type: 'integer', example: 12 })
  rows: number;
  @ApiProperty({ type: 'integer', example: 11 })
  accepted: number;
  @ApiProperty({ type: 'integer', example: 1 })
  rejected: number;
  @ApiProperty({ type: 'integer', example: 0 })
  duplicate: number;
  @ApiProperty({ type: 'integer', example: 0 })
  recorded: number;
  @ApiProperty({ type: 'integer', example: 0 })
  notRecorded: number;
  @ApiProperty({ type: 'integer', example: 11 })
  events: number;
}

export class ImportSheetBody {
  @ApiProperty({ example: 'Partners' })
  sheet: string;
  @ApiProperty({ enum: importKinds, example: 'partners' })
  kind: ImportKind;
  @ApiProperty({ type: 'integer', example: 12 })
  rows: number;
}

export class FileProblemBody implements FileProblem {
  @ApiProperty({ example: 'merged-cells' })
  rule: string;
  @ApiProperty({ example: 'cells A3:B3 are merged' })
  message: string;
  @ApiPropertyOptional({ example: 'Partners' })
  sheet?: string;
  @ApiPropertyOptional({ example: 'A3:B3' })
  cell?: string;
  @ApiPropertyOptional({ example: 'name' })
  column?: string;
}

export class RowProblemBody {
  @ApiProperty({ type: String, nullable: true, example: 'count' })
  column: string | null;
  @ApiProperty({ example: 'whole-number-above-zero' })
  rule: string;
  @ApiProperty({ example: 'must be a whole number above 0' })
  message: string;
  @ApiProperty({ example: 'row 14, column count: must be a whole number above 0' })
  text: string;
}

export class ImportedCommandBody implements ImportedCommand {
  @ApiProperty({ example: 'JoinAlliance' })
  type: string;
  @ApiProperty({ example: 'import-9f86d081-partners-2' })
  commandId: string;
  @ApiProperty({ example: 'partner-odense-kommune' })
  streamId: string;
  @ApiProperty({ example: 'Odense Kommune joins the alliance' })
  summary: string;
  @ApiProperty({
    enum: ['new', 'duplicate', 'not-needed', 'recorded', 'failed'],
    example: 'new',
  })
  status: ImportedCommand['status'];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  command?: Record<string, unknown>;
  @ApiPropertyOptional({ type: [String], example: ['PartnerJoinedAlliance'] })
  events?: string[];
}

export class ImportRowBody implements ImportRowReport {
  @ApiProperty({ example: 'Partners' })
  sheet: string;
  @ApiProperty({ enum: importKinds, example: 'partners' })
  kind: ImportKind;
  @ApiProperty({ type: 'integer', example: 2 })
  row: number;
  @ApiProperty({
    enum: ['accepted', 'rejected', 'duplicate', 'recorded', 'not-recorded'],
    example: 'accepted',
  })
  status: RowStatus;
  @ApiProperty({ type: () => [RowProblemBody] })
  problems: RowProblemBody[];
  @ApiProperty({ type: () => [ImportedCommandBody] })
  commands: ImportedCommandBody[];
}

export class ImportReportBody implements ImportReport {
  @ApiProperty({ type: () => ImportFileBody })
  file: ImportFileBody;
  @ApiProperty({ enum: ['dry-run', 'apply'], example: 'dry-run' })
  mode: 'dry-run' | 'apply';
  @ApiProperty({ example: false })
  validOnly: boolean;
  @ApiProperty({
    enum: ['checked', 'applied', 'refused', 'unreadable', 'failed'],
    example: 'checked',
  })
  outcome: ImportReport['outcome'];
  @ApiProperty({ example: '11 rows can be recorded; 1 is rejected' })
  message: string;
  @ApiProperty({ type: () => ImportSummaryBody })
  summary: ImportSummaryBody;
  @ApiProperty({ type: () => [ImportSheetBody] })
  sheets: ImportSheetBody[];
  @ApiProperty({ type: () => [FileProblemBody] })
  problems: FileProblemBody[];
  @ApiProperty({ type: () => [ImportRowBody] })
  rows: ImportRowBody[];
}
