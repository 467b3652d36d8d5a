import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandController, CommandMetadata, IdParam, Metadata, Records } from '../shared';
import { CommandRecorded, OptionalReasonDto, plain } from '@ledger/application';
import {
  JoinInitiativeCommand,
  LaunchInitiativeCommand,
  LeaveInitiativeCommand,
  MoveInitiativeToPhaseCommand,
  ReviseInitiativeTargetCommand,
} from '@ledger/application';
import {
  JoinInitiativeDto,
  LaunchInitiativeDto,
  MoveInitiativeToPhaseDto,
  ReviseInitiativeTargetDto,
} from '@ledger/application';
import { Roles, WRITERS } from '../../auth/access.decorators';

const NOT_LAUNCHED = 'The initiative has not been launched.';

@ApiTags('initiatives')
@Roles(...WRITERS)
@CommandController()
@Controller('initiatives')
export class InitiativeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Records({
    summary: 'An initiative is launched (e.g. Kollegiemodellen, Hjem til Dig)',
    body: LaunchInitiativeDto,
    example: {
      initiativeId: 'kollegiemodellen',
      name: 'Kollegiemodellen (Bo Sammen)',
      description:
        'Private halls of residence reserve 10-20 % of rooms for homeless young people; the ' +
        'municipality recommends the young people and gives the support they need.',
      leadPartnerIds: ['bikubenfonden'],
      participatingPartnerIds: ['koebenhavns-kommune', 'odense-kommune'],
      municipalities: ['København', 'Odense'],
      target: { quantity: 100, unit: 'homes' },
      phase: 'pilot',
      occurredAt: '2017-09-01',
    },
    rules: [
      'initiative-launched-once',
      'initiative-needs-a-lead-partner',
      'partner-once-per-initiative',
    ],
  })
  launch(
    @Body() body: LaunchInitiativeDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    const initiativeId = body.initiativeId ?? metadata.newId('initiative');
    return this.commands.execute(
      new LaunchInitiativeCommand(
        { type: 'LaunchInitiative', ...plain(body), initiativeId },
        metadata,
      ),
    );
  }

  @Post(':initiativeId/phase')
  @Records({
    summary: 'An initiative moves to a later phase',
    body: MoveInitiativeToPhaseDto,
    example: { phase: 'scaling', occurredAt: '2019-09-01' },
    notFound: NOT_LAUNCHED,
    rules: ['phases-move-forward', 'concluded-initiative-is-closed'],
  })
  moveToPhase(
    @Param('initiativeId', IdParam) initiativeId: string,
    @Body() body: MoveInitiativeToPhaseDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new MoveInitiativeToPhaseCommand(
        { type: 'MoveInitiativeToPhase', ...plain(body), initiativeId },
        metadata,
      ),
    );
  }

  @Post(':initiativeId/target-revisions')
  @Records({
    summary: "An initiative's target is revised, with a reason",
    body: ReviseInitiativeTargetDto,
    example: {
      target: { quantity: 60, unit: 'young-people-reached' },
      reason: 'Hjem til Dig extended to Roskilde from 2019',
      occurredAt: '2018-12-15',
    },
    notFound: NOT_LAUNCHED,
    rules: ['revision-must-change-something', 'concluded-initiative-is-closed'],
  })
  reviseTarget(
    @Param('initiativeId', IdParam) initiativeId: string,
    @Body() body: ReviseInitiativeTargetDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new ReviseInitiativeTargetCommand(
        { type: 'ReviseInitiativeTarget', ...plain(body), initiativeId },
        metadata,
      ),
    );
  }

  @Post(':initiativeId/partners')
  @Records({
    summary: 'A partner joins an initiative, as lead or participant',
    body: JoinInitiativeDto,
    example: { partnerId: 'lauritzen-fonden', role: 'participant', occurredAt: '2018-06-01' },
    notFound: NOT_LAUNCHED,
    rules: ['partner-once-per-initiative', 'concluded-initiative-is-closed'],
  })
  join(
    @Param('initiativeId', IdParam) initiativeId: string,
    @Body() body: JoinInitiativeDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new JoinInitiativeCommand({ type: 'JoinInitiative', ...plain(body), initiativeId }, metadata),
    );
  }

  @Post(':initiativeId/partners/:partnerId/leave')
  @Records({
    summary: 'A partner leaves an initiative',
    body: OptionalReasonDto,
    example: { reason: 'The dorm agreement ended', occurredAt: '2020-06-30' },
    notFound: NOT_LAUNCHED,
    rules: ['leaving-initiative-needs-participation', 'initiative-needs-a-lead-partner'],
  })
  leave(
    @Param('initiativeId', IdParam) initiativeId: string,
    @Param('partnerId', IdParam) partnerId: string,
    @Body() body: OptionalReasonDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new LeaveInitiativeCommand(
        { type: 'LeaveInitiative', ...plain(body), initiativeId, partnerId },
        metadata,
      ),
    );
  }
}
