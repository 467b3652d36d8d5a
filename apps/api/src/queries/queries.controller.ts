import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PersonRegister } from '@ledger/platform';
import { READERS, Roles } from '../auth/access.decorators';
import { ApiErrors } from '../openapi/api-errors';
import { asOfFrom, parseDay } from '@ledger/application';
import { DataQualityService } from '@ledger/application';
import { GovernanceService } from '@ledger/application';
import { PartnersService } from '@ledger/application';
import { ProgressService } from '@ledger/application';
import { AsOfQuery, CompositionQuery, PartnersQuery, TimelineQuery } from './query.dto';
import {
  CompositionBody,
  InitiativeBody,
  InitiativeDetailBody,
  PartnerDetailBody,
  PartnerRowBody,
  PersonNameBody,
  ProgressBody,
  ReportHistoryBody,
  TimelineBody,
} from './query-responses';

@ApiTags('progress')
@Roles(...READERS)
@Controller('progress')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Get()
  @ApiOperation({
    summary:
      'Homes counted toward the goal: total, by initiative, partner, municipality, year and quarter, pace and forecast',
    description:
      'asOf: as true on that date in the world; knownOn: as the records stood on that date. Corrections are listed as restatements.',
  })
  @ApiOkResponse({ type: ProgressBody })
  @ApiErrors([400])
  get(@Query() query: AsOfQuery): Promise<ProgressBody> {
    return this.progress.progress({ ...asOfFrom(query), current: !query.asOf && !query.knownOn });
  }

  @Get('reports/:reportId/history')
  @ApiOperation({
    summary: 'Every change to one housing report, with both times and who recorded it',
  })
  @ApiErrors([404], { 404: 'No housing report has this id.' })
  @ApiOkResponse({ type: ReportHistoryBody })
  history(@Param('reportId') reportId: string): Promise<ReportHistoryBody> {
    return this.progress.history(reportId);
  }
}

@ApiTags('governance')
@ApiExtraModels(PersonNameBody)
@Roles(...READERS)
@Controller('governance')
export class GovernanceQueriesController {
  constructor(
    private readonly governance: GovernanceService,
    private readonly persons: PersonRegister,
  ) {}

  @Get('composition')
  @ApiOperation({
    summary:
      'Who sat on the board, the advisory board and the secretariat on a date, in which role',
  })
  @ApiErrors([400])
  @ApiOkResponse({ type: CompositionBody })
  async composition(@Query() query: CompositionQuery): Promise<CompositionBody> {
    const composition = await this.governance.composition(asOfFrom(query), query.body);
    const seats = Object.values(composition.bodies).flat() as Array<{ personId?: string }>;
    // Names from the person register, beside the ids (never in the read model): erased ones as a label.
    return {
      ...composition,
      // The read model's rows (untyped SQL), grouped under every body (GovernanceService).
      bodies: composition.bodies as unknown as CompositionBody['bodies'],
      names: await this.persons.names(seats.map((s) => s.personId)),
    };
  }

  @Get('timeline')
  @ApiOperation({
    summary:
      'Every governance change, assembly and declaration signed or withdrawn, in order; filterable and paginated',
  })
  @ApiErrors([400])
  @ApiOkResponse({ type: TimelineBody })
  async timeline(@Query() query: TimelineQuery): Promise<TimelineBody> {
    const timeline = await this.governance.timeline(query);
    const entries = timeline.entries as Array<{ personId?: string }>;
    return { ...timeline, names: await this.persons.names(entries.map((e) => e.personId)) };
  }
}

@ApiTags('partners')
@Roles(...READERS)
@Controller('partners')
export class PartnersQueriesController {
  constructor(private readonly partners: PartnersService) {}

  @Get()
  @ApiOperation({
    summary:
      'Partners with sector, status and current declaration; filterable by sector and status',
  })
  @ApiErrors([400])
  @ApiOkResponse({ type: [PartnerRowBody] })
  list(@Query() query: PartnersQuery): Promise<PartnerRowBody[]> {
    return this.partners.list(query);
  }

  @Get(':partnerId')
  @ApiOperation({ summary: "A partner with its declarations' history and its commitments" })
  @ApiErrors([404], { 404: 'No partner has this id.' })
  @ApiOkResponse({ type: PartnerDetailBody })
  one(@Param('partnerId') partnerId: string): Promise<PartnerDetailBody> {
    return this.partners.one(partnerId);
  }
}

@ApiTags('initiatives')
@Roles(...READERS)
@Controller('initiatives')
export class InitiativesQueriesController {
  constructor(private readonly partners: PartnersService) {}

  @Get()
  @ApiOperation({
    summary: 'Initiatives with phase, target, partners and homes counted against them',
  })
  @ApiOkResponse({ type: [InitiativeBody] })
  list(): Promise<InitiativeBody[]> {
    return this.partners.initiatives();
  }

  @Get(':initiativeId')
  @ApiOperation({ summary: 'One initiative with its phase, target and partner history' })
  @ApiErrors([404], { 404: 'No initiative has this id.' })
  @ApiOkResponse({ type: InitiativeDetailBody })
  one(@Param('initiativeId') initiativeId: string): Promise<InitiativeDetailBody> {
    return this.partners.initiative(initiativeId);
  }
}

@ApiTags('data quality')
@Roles(...READERS)
@Controller('data-quality')
export class DataQualityController {
  constructor(private readonly quality: DataQualityService) {}

  @Get()
  @ApiOperation({
    summary:
      'Reports without a source or entered long after their quarter, partners silent despite a commitment, board terms ending within 60 days',
  })
  @ApiOkResponse({ description: 'The findings, by kind, as of the date.' })
  @ApiErrors([400])
  get(@Query() query: AsOfQuery) {
    return this.quality.report(parseDay('asOf', query.asOf, new Date().toISOString().slice(0, 10)));
  }
}
