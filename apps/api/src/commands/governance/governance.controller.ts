import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandController, CommandMetadata, IdParam, Metadata, Records } from '../shared';
import { CommandRecorded, plain } from '@ledger/application';
import {
  AppointAdvisoryBoardMemberCommand,
  ChangeBoardMemberRoleCommand,
  ElectBoardMemberCommand,
  HoldGeneralAssemblyCommand,
  LeaveAdvisoryBoardCommand,
  LeaveSecretariatCommand,
  StartInSecretariatCommand,
  StepDownFromBoardCommand,
} from '@ledger/application';
import {
  AppointAdvisoryBoardMemberDto,
  ChangeBoardMemberRoleDto,
  ElectBoardMemberDto,
  HoldGeneralAssemblyDto,
  LeaveAdvisoryBoardDto,
  LeaveSecretariatDto,
  StartInSecretariatDto,
  StepDownFromBoardDto,
} from '@ledger/application';
import { Roles, WRITERS } from '../../auth/access.decorators';

const NO_ALLIANCE = 'The alliance is not founded.';
const SEAT_RULES = [
  'one-chair-at-a-time',
  'one-vice-chair-at-a-time',
  'one-seat-per-body-at-a-time',
];

/** The board, the Advisory Board, the secretariat and the general assemblies of one alliance. */
@ApiTags('governance')
@Roles(...WRITERS)
@CommandController()
@Controller('governance/:allianceId')
export class GovernanceController {
  constructor(private readonly commands: CommandBus) {}

  @Post('general-assemblies')
  @Records({
    summary: 'A general assembly is held',
    body: HoldGeneralAssemblyDto,
    example: {
      assemblyId: 'general-assembly-2018',
      membersPresent: [
        'bikubenfonden',
        'kab',
        'realdania',
        'koebenhavns-kommune',
        'odense-kommune',
      ],
      occurredAt: '2018-05-15',
    },
    notFound: NO_ALLIANCE,
    rules: ['general-assembly-recorded-once'],
  })
  holdGeneralAssembly(
    @Param('allianceId', IdParam) allianceId: string,
    @Body() body: HoldGeneralAssemblyDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    const assemblyId = body.assemblyId ?? metadata.newId('general-assembly');
    return this.commands.execute(
      new HoldGeneralAssemblyCommand(
        { type: 'HoldGeneralAssembly', ...plain(body), allianceId, assemblyId },
        metadata,
      ),
    );
  }

  @Post('board/elections')
  @Records({
    summary: 'A board member is elected at a general assembly (e.g. Agi Csonka as chair)',
    description:
      'Dated by the assembly. The person is named by id only: names stay in the person store.',
    body: ElectBoardMemberDto,
    example: {
      assemblyId: 'general-assembly-2018',
      personId: 'person-0001',
      organisationId: 'villumfonden',
      role: 'chair',
      term: { startsOn: '2018-05-15', endsOn: null },
    },
    notFound: NO_ALLIANCE,
    rules: ['election-at-a-held-general-assembly', ...SEAT_RULES],
  })
  electBoardMember(
    @Param('allianceId', IdParam) allianceId: string,
    @Body() body: ElectBoardMemberDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new ElectBoardMemberCommand(
        { type: 'ElectBoardMember', ...plain(body), allianceId },
        metadata,
      ),
    );
  }

  @Post('board/role-changes')
  @Records({
    summary: "A board member's role changes (e.g. member to vice-chair)",
    body: ChangeBoardMemberRoleDto,
    example: { personId: 'person-0002', role: 'vice-chair', occurredAt: '2019-05-20' },
    notFound: NO_ALLIANCE,
    rules: ['role-change-needs-current-seat', 'role-change-needs-new-role', ...SEAT_RULES],
  })
  changeBoardMemberRole(
    @Param('allianceId', IdParam) allianceId: string,
    @Body() body: ChangeBoardMemberRoleDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new ChangeBoardMemberRoleCommand(
        { type: 'ChangeBoardMemberRole', ...plain(body), allianceId },
        metadata,
      ),
    );
  }

  @Post('board/step-downs')
  @Records({
    summary: 'A board member steps down',
    body: StepDownFromBoardDto,
    example: { personId: 'person-0001', reason: 'End of term', occurredAt: '2020-05-19' },
    notFound: NO_ALLIANCE,
    rules: ['step-down-needs-current-seat'],
  })
  stepDownFromBoard(
    @Param('allianceId', IdParam) allianceId: string,
    @Body() body: StepDownFromBoardDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new StepDownFromBoardCommand(
        { type: 'StepDownFromBoard', ...plain(body), allianceId },
        metadata,
      ),
    );
  }

  @Post('advisory-board/appointments')
  @Records({
    summary: 'An organisation is appointed to the Advisory Board, with its representative',
    body: AppointAdvisoryBoardMemberDto,
    example: {
      organisationId: 'realdania',
      representativePersonId: 'person-0014',
      occurredAt: '2017-08-24',
    },
    notFound: NO_ALLIANCE,
    rules: ['one-seat-per-body-at-a-time'],
  })
  appointAdvisoryBoardMember(
    @Param('allianceId', IdParam) allianceId: string,
    @Body() body: AppointAdvisoryBoardMemberDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new AppointAdvisoryBoardMemberCommand(
        { type: 'AppointAdvisoryBoardMember', ...plain(body), allianceId },
        metadata,
      ),
    );
  }

  @Post('advisory-board/departures')
  @Records({
    summary: 'An organisation leaves the Advisory Board',
    body: LeaveAdvisoryBoardDto,
    example: {
      organisationId: 'realdania',
      reason: 'Advisory Board revised',
      occurredAt: '2019-06-01',
    },
    notFound: NO_ALLIANCE,
    rules: ['step-down-needs-current-seat'],
  })
  leaveAdvisoryBoard(
    @Param('allianceId', IdParam) allianceId: string,
    @Body() body: LeaveAdvisoryBoardDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new LeaveAdvisoryBoardCommand(
        { type: 'LeaveAdvisoryBoard', ...plain(body), allianceId },
        metadata,
      ),
    );
  }

  @Post('secretariat/starts')
  @Records({
    summary: 'A person starts in the secretariat',
    body: StartInSecretariatDto,
    example: { personId: 'person-0021', role: 'director', occurredAt: '2017-08-24' },
    notFound: NO_ALLIANCE,
    rules: ['one-director-at-a-time', 'one-seat-per-body-at-a-time'],
  })
  startInSecretariat(
    @Param('allianceId', IdParam) allianceId: string,
    @Body() body: StartInSecretariatDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new StartInSecretariatCommand(
        { type: 'StartInSecretariat', ...plain(body), allianceId },
        metadata,
      ),
    );
  }

  @Post('secretariat/departures')
  @Records({
    summary: 'A person leaves the secretariat',
    body: LeaveSecretariatDto,
    example: { personId: 'person-0021', reason: 'New position', occurredAt: '2021-02-28' },
    notFound: NO_ALLIANCE,
    rules: ['step-down-needs-current-seat'],
  })
  leaveSecretariat(
    @Param('allianceId', IdParam) allianceId: string,
    @Body() body: LeaveSecretariatDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new LeaveSecretariatCommand(
        { type: 'LeaveSecretariat', ...plain(body), allianceId },
        metadata,
      ),
    );
  }
}
