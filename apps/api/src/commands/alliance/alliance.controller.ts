import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandController, CommandMetadata, IdParam, Metadata, Records } from '../shared';
import { CommandRecorded, plain } from '@ledger/application';
import { FoundAllianceCommand, ReviseAllianceGoalCommand } from '@ledger/application';
import { FoundAllianceDto, ReviseAllianceGoalDto } from '@ledger/application';
import { Roles, WRITERS } from '../../auth/access.decorators';

@ApiTags('alliance')
@Roles(...WRITERS)
@CommandController()
@Controller('alliance')
export class AllianceController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Records({
    summary: 'Found the alliance, with its goal, principles and strategic efforts',
    body: FoundAllianceDto,
    example: {
      allianceId: 'hjem-til-alle',
      name: 'Hjem til Alle',
      goal: { homes: 2300, fromYear: 2016, toYear: 2026 },
      occurredAt: '2016-01-01',
    },
    rules: ['alliance-founded-once'],
  })
  found(
    @Body() body: FoundAllianceDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    const allianceId = body.allianceId ?? metadata.newId('alliance');
    return this.commands.execute(
      new FoundAllianceCommand({ type: 'FoundAlliance', ...plain(body), allianceId }, metadata),
    );
  }

  @Post(':allianceId/goal-revisions')
  @Records({
    summary: "Revise the alliance's goal, with a reason",
    body: ReviseAllianceGoalDto,
    example: {
      goal: { homes: 2300, fromYear: 2016, toYear: 2027 },
      reason: 'The 2018 evaluation phrases the end goal as all young people housed in 2027',
      occurredAt: '2018-12-01',
    },
    notFound: 'The alliance is not founded.',
    rules: ['revision-must-change-something'],
  })
  reviseGoal(
    @Param('allianceId', IdParam) allianceId: string,
    @Body() body: ReviseAllianceGoalDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new ReviseAllianceGoalCommand(
        { type: 'ReviseAllianceGoal', ...plain(body), allianceId },
        metadata,
      ),
    );
  }
}
