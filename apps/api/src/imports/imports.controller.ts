import {
  Body,
  Controller,
  Get,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiUnprocessableEntityResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiResponse,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-errors';
import { ImportReportBody } from './import-report.body';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { Roles } from '../auth/access.decorators';
import { ActorResolver } from '../commands/actor';
import { importKinds } from '@ledger/application';
import { UnknownImportKind } from '@ledger/application';
import type { ImportReport } from '@ledger/application';
import { ImportService } from '@ledger/application';
import { importTurnOf, OneImportPerUser } from './one-import-per-user';
import { MAX_IMPORT_BYTES } from '@ledger/application';

const FLAG = ['true', 'false', '1', '0', 'yes', 'no'];

/** Options, as query parameters or as fields of the multipart form. */
export class ImportOptionsDto {
  @ApiPropertyOptional({
    description: 'true: record; otherwise a dry run (the default).',
    enum: FLAG,
  })
  @IsOptional()
  @IsIn(FLAG, { message: 'must be true or false' })
  apply?: string;

  @ApiPropertyOptional({
    description:
      'true: record the accepted rows even if others are rejected (default: all rows or none).',
    enum: FLAG,
  })
  @IsOptional()
  @IsIn(FLAG, { message: 'must be true or false' })
  validOnly?: string;

  @ApiPropertyOptional({ description: 'Import only this kind.', enum: importKinds })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  kind?: string;
}

/** The upload as multer hands it over (memory storage). */
interface UploadedSpreadsheet {
  originalname: string;
  buffer: Buffer;
  size: number;
}

const yes = (value: string | undefined) => value === 'true' || value === '1' || value === 'yes';

/** Refusals for the file's size: over 10 MB, over 200 MB unpacked, over 50,000 rows. */
const TOO_LARGE = new Set(['file-too-large', 'archive-too-large', 'too-many-rows']);

/** The HTTP status of a report: what happened, at a glance. */
function statusOf(report: ImportReport): number {
  switch (report.outcome) {
    case 'checked':
      return HttpStatus.OK;
    case 'applied':
      return HttpStatus.CREATED;
    case 'refused':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'failed':
      return HttpStatus.CONFLICT;
    case 'unreadable':
      return report.problems.some((p) => TOO_LARGE.has(p.rule))
        ? HttpStatus.PAYLOAD_TOO_LARGE
        : report.problems.some((p) => p.rule === 'not-a-spreadsheet')
          ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
          : HttpStatus.BAD_REQUEST;
  }
}

@ApiTags('imports')
@Roles('secretariat')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportService,
    private readonly actors: ActorResolver,
  ) {}

  @Post()
  @UseGuards(OneImportPerUser)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }))
  @ApiOperation({
    summary:
      "Import one of the secretariat's spreadsheets (.xlsx or .csv); a dry run unless apply=true",
    description:
      'Each row becomes the ordinary commands of the API (partners → JoinAlliance, housing counts → ' +
      "ReportHomes, ...), with a command id made from the file's SHA-256 and the row, so the same " +
      'file imported twice records nothing the second time. The answer is the report: per row ' +
      'accepted, rejected (column and rule), duplicate or recorded. 200: dry run; 201: recorded; ' +
      '422: nothing recorded because rows were rejected (all rows or none, unless validOnly=true); ' +
      '400/415: the file cannot be imported (empty, not a spreadsheet, unknown columns, formulas, ' +
      'merged cells); 413: over 10 MB, over 200 MB unpacked (a zip bomb) or over 50,000 rows; ' +
      '429: an import of the same user is still running (one at a time; see Retry-After).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        apply: { type: 'string', enum: FLAG },
        validOnly: { type: 'string', enum: FLAG },
        kind: { type: 'string', enum: [...importKinds] },
      },
    },
  })
  @ApiOkResponse({ type: ImportReportBody, description: 'The dry-run report.' })
  @ApiCreatedResponse({ type: ImportReportBody, description: 'Recorded: the report.' })
  @ApiUnprocessableEntityResponse({
    type: ImportReportBody,
    description: 'Rows were rejected, so nothing was recorded: the report names them.',
  })
  // Every answer of an import is its report, the refusals too (statusOf).
  @ApiPayloadTooLargeResponse({
    type: ImportReportBody,
    description: 'The file is over 10 MB, unpacks to over 200 MB, or holds over 50,000 rows.',
  })
  @ApiResponse({
    status: 400,
    type: ImportReportBody,
    description: 'The file cannot be imported: empty, unknown columns, formulas, merged cells.',
  })
  @ApiResponse({
    status: 415,
    type: ImportReportBody,
    description: 'Not a spreadsheet (or a body that is neither multipart/form-data nor JSON).',
  })
  @ApiResponse({
    status: 409,
    type: ImportReportBody,
    description: 'A command was refused while recording; the rows before it stay recorded.',
  })
  async import(
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @Query() query: ImportOptionsDto,
    @Body() body: ImportOptionsDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportReport> {
    const turn = importTurnOf(request);
    if (turn) turn.working = true;
    let report: ImportReport;
    try {
      report = await this.imports.run({
        content: file?.buffer ?? Buffer.alloc(0),
        fileName: file?.originalname ?? 'upload',
        kind: body.kind ?? query.kind,
        apply: yes(body.apply ?? query.apply),
        validOnly: yes(body.validOnly ?? query.validOnly),
        actor: this.actors.actorFor(request),
      });
    } finally {
      turn?.release();
    }
    if (!file) {
      report.problems = [
        { rule: 'file-missing', message: 'send the spreadsheet as the multipart field "file"' },
      ];
      report.message = 'nothing was recorded: no file was sent';
    }
    response.status(statusOf(report));
    return report;
  }

  @Get('templates/:kind')
  @ApiOperation({ summary: 'An empty spreadsheet for one kind: the columns and an example row' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({
    description: 'The template, an .xlsx file.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiErrors([404], { 404: 'No import kind has this name.' })
  async template(@Param('kind') kind: string): Promise<StreamableFile> {
    try {
      const { fileName, content } = await this.imports.template(kind);
      return new StreamableFile(content, {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        disposition: `attachment; filename="${fileName}"`,
        length: content.length,
      });
    } catch (error) {
      if (error instanceof UnknownImportKind) {
        throw new NotFoundException({
          statusCode: 404,
          error: 'Not Found',
          message: error.message,
          what: 'import kind',
          id: kind,
        });
      }
      throw error;
    }
  }
}
