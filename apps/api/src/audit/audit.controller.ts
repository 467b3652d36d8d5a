import {
  ArgumentsHost,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  Param,
  Query,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/access.decorators';
import { ApiErrors } from '../openapi/api-errors';
import { AuditInputError, positiveInteger } from '@ledger/application';
import { AuditEventsQuery, AuditExplainQuery, AuditReportQuery } from './audit.dto';
import { AuditService } from '@ledger/application';
import { progressReport, timelineReport } from '@ledger/application';
import { explainFigure } from '@ledger/application';

/** Bad audit input: 400 naming the field, or 404 for what is not in the log. */
@Catch(AuditInputError)
export class AuditInputFilter implements ExceptionFilter {
  catch(error: AuditInputError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error.status === 404) {
      response
        .status(404)
        .json({ statusCode: 404, error: 'Not Found', message: error.rule, what: error.field });
      return;
    }
    response.status(400).json({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Validation failed',
      fields: [
        { field: error.field, rule: 'audit-input', message: `${error.field} ${error.rule}` },
      ],
    });
  }
}

/**
 * The auditor's endpoints, all under /audit, for the auditor role (one decorator: widen it here).
 * Read-only: nothing here writes the log or the live read models.
 */
@ApiTags('audit')
@Roles('auditor')
@Controller('audit')
@UseFilters(AuditInputFilter)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  @ApiOperation({
    summary:
      'Hash chains, stream versions and event types, and every read model compared with a fresh replay into a scratch schema',
    description:
      'Answers 200 with ok true or false, a one-line verdict, and the first event or row at fault.',
  })
  verify() {
    return this.audit.verify();
  }

  @Get('digest')
  @ApiOperation({
    summary: 'A signed digest of the whole log (count, last position, last chain hash), to keep',
  })
  digest() {
    return this.audit.signedDigest();
  }

  @Get('events')
  @ApiOperation({
    summary:
      'The log as stored, every envelope field: paginated JSON, or format=ndjson for the whole filtered log',
    description:
      'from/to filter on recordedAt unless clock=occurredAt. With format=ndjson the digest of the export is in the Ledger-Export-Digest header (base64 JSON).',
  })
  @ApiOkResponse({ description: 'A page of events (JSON), or the whole filtered log (NDJSON).' })
  @ApiErrors([400])
  async events(@Query() query: AuditEventsQuery, @Res({ passthrough: true }) response: Response) {
    const filter = await this.audit.log.filter(query);
    if (query.format === 'ndjson') {
      const chunks: string[] = [];
      // The digest goes in a header, so the export is assembled before it is sent; use the CLI
      // (cli export) for very large logs, which streams to a file.
      const digest = await this.audit.export(filter, (chunk) => void chunks.push(chunk));
      response.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
      response.setHeader(
        'Ledger-Export-Digest',
        Buffer.from(JSON.stringify(digest)).toString('base64'),
      );
      return chunks.join('');
    }
    const limit = positiveInteger('limit', query.limit, 100, 1000);
    const page = query.page === undefined ? undefined : positiveInteger('page', query.page, 1);
    const after = positiveInteger('after', query.after, 0, Number.MAX_SAFE_INTEGER, 0);
    if (page !== undefined && query.after !== undefined) {
      throw new AuditInputError('page', 'cannot be combined with after: choose one way to page');
    }
    const result = await this.audit.log.page(filter, { after, page, limit });
    return {
      filters: { ...query, clock: filter.clock },
      total: result.total,
      limit,
      ...(page !== undefined ? { page } : { after, nextAfter: result.nextAfter }),
      events: result.events,
    };
  }

  @Get('streams/:id')
  @ApiOperation({
    summary: "One stream's whole history with every envelope field; 404 when it is not in the log",
  })
  @ApiOkResponse({ description: 'The stream id, its version and every event.' })
  @ApiErrors([404], { 404: 'No stream has this id in the log.' })
  async stream(@Param('id') id: string) {
    const events = await this.audit.log.stream(id);
    return { streamId: id, version: events[events.length - 1].streamVersion, events };
  }

  @Get('explain')
  @ApiOperation({
    summary:
      'The events behind a figure (homes, by initiative/partner/municipality/year, or a seat), with positions, and the figure recomputed from them',
  })
  @ApiOkResponse({ description: 'The events behind the figure and the figure recomputed.' })
  @ApiErrors([400])
  explain(@Query() query: AuditExplainQuery) {
    return explainFigure(this.audit, query);
  }

  @Get('reports/progress')
  @ApiOperation({ summary: 'Progress as of a date, as CSV or JSON' })
  @ApiOkResponse({ description: 'The progress report, as JSON or (format=csv) CSV.' })
  @ApiErrors([400])
  async progress(@Query() query: AuditReportQuery, @Res({ passthrough: true }) response: Response) {
    const at = this.audit.asOf(query.asOf, query.knownOn);
    return this.send(
      response,
      query.format,
      await progressReport(this.audit.queries().progress, at, query.format ?? 'json'),
      'progress',
    );
  }

  @Get('reports/timeline')
  @ApiOperation({ summary: 'The governance timeline as it stood on a date, as CSV or JSON' })
  @ApiOkResponse({ description: 'The timeline report, as JSON or (format=csv) CSV.' })
  @ApiErrors([400])
  async timeline(@Query() query: AuditReportQuery, @Res({ passthrough: true }) response: Response) {
    const at = this.audit.asOf(query.asOf, query.knownOn);
    return this.send(
      response,
      query.format,
      await timelineReport(this.audit.queries().governance, at, query.format ?? 'json'),
      'timeline',
    );
  }

  private send(response: Response, format: string | undefined, body: unknown, name: string) {
    if (format !== 'csv') return body;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
    return body as string;
  }
}
