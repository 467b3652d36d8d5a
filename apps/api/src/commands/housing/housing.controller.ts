import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandController, CommandMetadata, IdParam, Metadata, Records } from '../shared';
import { CommandRecorded, plain, ReasonDto } from '@ledger/application';
import {
  CorrectHousingCountCommand,
  ReportHomesCommand,
  RetractHousingCountCommand,
} from '@ledger/application';
import { CorrectHousingCountDto, ReportHomesDto } from '@ledger/application';
import { Roles, WRITERS } from '../../auth/access.decorators';

const NOT_REPORTED = 'No such housing report.';

@ApiTags('housing reports')
@Roles(...WRITERS)
@CommandController()
@Controller('housing-reports')
export class HousingController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Records({
    summary: 'New homes are reported (a count, never a person)',
    body: ReportHomesDto,
    example: {
      reportId: 'kollegiemodellen-2018-q4-bikubenfonden',
      count: 18,
      period: '2018-Q4',
      municipality: 'København',
      initiativeId: 'kollegiemodellen',
      partnerId: 'bikubenfonden',
      source: "Bikubenfonden's allocation list for its dorms in Copenhagen and Odense",
      housingType: 'dorm-room',
      permanent: true,
      occurredAt: '2018-12-15',
    },
    rules: ['housing-report-recorded-once'],
  })
  report(
    @Body() body: ReportHomesDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    const reportId = body.reportId ?? metadata.newId('housing-report');
    return this.commands.execute(
      new ReportHomesCommand({ type: 'ReportHomes', ...plain(body), reportId }, metadata),
    );
  }

  @Post(':reportId/corrections')
  @Records({
    summary: "A report's count is corrected, with a reason",
    body: CorrectHousingCountDto,
    example: {
      count: 12,
      reason: '6 of the 18 places are in Odense and were reported there',
      occurredAt: '2019-01-20',
    },
    notFound: NOT_REPORTED,
    rules: ['retracted-report-is-closed', 'revision-must-change-something'],
  })
  correct(
    @Param('reportId', IdParam) reportId: string,
    @Body() body: CorrectHousingCountDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new CorrectHousingCountCommand(
        { type: 'CorrectHousingCount', ...plain(body), reportId },
        metadata,
      ),
    );
  }

  @Post(':reportId/retractions')
  @Records({
    summary: 'A report is retracted, with a reason',
    body: ReasonDto,
    example: {
      reason: 'Reported twice; the count is in report kollegiemodellen-2018-q4',
      occurredAt: '2019-01-20',
    },
    notFound: NOT_REPORTED,
    rules: ['retracted-report-is-closed'],
  })
  retract(
    @Param('reportId', IdParam) reportId: string,
    @Body() body: ReasonDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new RetractHousingCountCommand(
        { type: 'RetractHousingCount', ...plain(body), reportId },
        metadata,
      ),
    );
  }
}
