import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { partnershipCommitments } from '@ledger/domain';
import { CommandController, CommandMetadata, IdParam, Metadata, Records } from '../shared';
import { CommandRecorded, OptionalReasonDto, plain, ReasonDto, WhenDto } from '@ledger/application';
import {
  DraftPartnershipDeclarationCommand,
  FulfilCommitmentCommand,
  JoinAllianceCommand,
  LeaveAllianceCommand,
  MakeCommitmentCommand,
  RejoinAllianceCommand,
  RenamePartnerCommand,
  ReviseCommitmentCommand,
  RevisePartnershipDeclarationCommand,
  SignPartnershipDeclarationCommand,
  WithdrawCommitmentCommand,
  WithdrawPartnershipDeclarationCommand,
} from '@ledger/application';
import {
  DraftPartnershipDeclarationDto,
  FulfilCommitmentDto,
  JoinAllianceDto,
  MakeCommitmentDto,
  RenamePartnerDto,
  ReviseCommitmentDto,
  RevisePartnershipDeclarationDto,
} from '@ledger/application';
import { Roles, WRITERS } from '../../auth/access.decorators';

const PARTNER_NOT_FOUND = 'The partner has never joined.';
const DECLARATION_NOT_FOUND = 'The partner, or the declaration, is not known.';
const COMMITMENT_NOT_FOUND = 'The partner, or the commitment, is not known.';

const odenseDeclaration = {
  purpose:
    'We want to stop homelessness among young people; everyone needs a home. We want to help ' +
    'develop, test and spread solutions that can create homes for the 2300 homeless young people.',
  contributionsToGoal: ['18 places for homeless young people in dorms, with Bikubenfonden'],
  contributionsToAlliance: [
    "Make the organisation's knowledge available to the other partners where possible",
    "Take part in the alliance's work processes with expertise and resources",
    'Act as ambassadors for the goal of stopping youth homelessness',
  ],
  principles: [...partnershipCommitments],
};

@ApiTags('partners')
@Roles(...WRITERS)
@CommandController()
@Controller('partners')
export class PartnerController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Records({
    summary: 'A partner joins the alliance',
    body: JoinAllianceDto,
    example: {
      partnerId: 'odense-kommune',
      name: 'Odense Kommune',
      sector: 'authority',
      municipality: 'Odense',
      occurredAt: '2018-03-01',
    },
    rules: ['partner-joins-once'],
  })
  join(
    @Body() body: JoinAllianceDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    const partnerId = body.partnerId ?? metadata.newId('partner');
    return this.commands.execute(
      new JoinAllianceCommand({ type: 'JoinAlliance', ...plain(body), partnerId }, metadata),
    );
  }

  @Post(':partnerId/renames')
  @Records({
    summary: 'A partner changes its name',
    body: RenamePartnerDto,
    example: { name: 'Københavns Professionshøjskole', occurredAt: '2018-08-01' },
    notFound: PARTNER_NOT_FOUND,
    rules: ['revision-must-change-something'],
  })
  rename(
    @Param('partnerId', IdParam) partnerId: string,
    @Body() body: RenamePartnerDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new RenamePartnerCommand({ type: 'RenamePartner', ...plain(body), partnerId }, metadata),
    );
  }

  @Post(':partnerId/leave')
  @Records({
    summary: 'A partner leaves (its active declaration and open commitments are withdrawn)',
    body: OptionalReasonDto,
    example: {
      reason: 'Expectations re-aligned after the 2018 evaluation',
      occurredAt: '2019-01-31',
    },
    notFound: PARTNER_NOT_FOUND,
    rules: ['leave-needs-membership'],
  })
  leave(
    @Param('partnerId', IdParam) partnerId: string,
    @Body() body: OptionalReasonDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new LeaveAllianceCommand({ type: 'LeaveAlliance', ...plain(body), partnerId }, metadata),
    );
  }

  @Post(':partnerId/rejoin')
  @Records({
    summary: 'A former partner rejoins',
    body: WhenDto,
    example: { occurredAt: '2020-05-01' },
    notFound: PARTNER_NOT_FOUND,
    rules: ['rejoin-needs-former-partner'],
  })
  rejoin(
    @Param('partnerId', IdParam) partnerId: string,
    @Body() body: WhenDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new RejoinAllianceCommand({ type: 'RejoinAlliance', ...plain(body), partnerId }, metadata),
    );
  }

  @Post(':partnerId/declarations')
  @Records({
    summary: 'A partnership declaration is drafted',
    body: DraftPartnershipDeclarationDto,
    example: { declarationId: 'odense-2018', ...odenseDeclaration, occurredAt: '2018-04-10' },
    notFound: PARTNER_NOT_FOUND,
    rules: [
      'partner-must-be-member',
      'declaration-recorded-once',
      'one-active-declaration-per-partner',
    ],
  })
  draftDeclaration(
    @Param('partnerId', IdParam) partnerId: string,
    @Body() body: DraftPartnershipDeclarationDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    const declarationId = body.declarationId ?? metadata.newId('declaration');
    return this.commands.execute(
      new DraftPartnershipDeclarationCommand(
        { type: 'DraftPartnershipDeclaration', ...plain(body), partnerId, declarationId },
        metadata,
      ),
    );
  }

  @Post(':partnerId/declarations/:declarationId/sign')
  @Records({
    summary: 'A drafted declaration is signed (it must commit to all five principles)',
    body: WhenDto,
    example: { occurredAt: '2018-06-01' },
    notFound: DECLARATION_NOT_FOUND,
    rules: [
      'signing-needs-a-draft',
      'declaration-commits-to-every-principle',
      'partner-must-be-member',
    ],
  })
  signDeclaration(
    @Param('partnerId', IdParam) partnerId: string,
    @Param('declarationId', IdParam) declarationId: string,
    @Body() body: WhenDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new SignPartnershipDeclarationCommand(
        { type: 'SignPartnershipDeclaration', ...plain(body), partnerId, declarationId },
        metadata,
      ),
    );
  }

  @Post(':partnerId/declarations/:declarationId/revise')
  @Records({
    summary: 'A declaration is revised (a new version; a signed one keeps all five principles)',
    body: RevisePartnershipDeclarationDto,
    example: {
      ...odenseDeclaration,
      contributionsToGoal: ['24 places for homeless young people in dorms, with Bikubenfonden'],
      reason: 'More dorm places agreed',
      occurredAt: '2019-06-01',
    },
    notFound: DECLARATION_NOT_FOUND,
    rules: [
      'withdrawn-declaration-is-closed',
      'declaration-commits-to-every-principle',
      'revision-must-change-something',
    ],
  })
  reviseDeclaration(
    @Param('partnerId', IdParam) partnerId: string,
    @Param('declarationId', IdParam) declarationId: string,
    @Body() body: RevisePartnershipDeclarationDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new RevisePartnershipDeclarationCommand(
        { type: 'RevisePartnershipDeclaration', ...plain(body), partnerId, declarationId },
        metadata,
      ),
    );
  }

  @Post(':partnerId/declarations/:declarationId/withdraw')
  @Records({
    summary: 'A declaration is withdrawn',
    body: ReasonDto,
    example: {
      reason: 'Replaced by a new declaration after the strategy revision',
      occurredAt: '2020-01-15',
    },
    notFound: DECLARATION_NOT_FOUND,
    rules: ['withdrawn-declaration-is-closed'],
  })
  withdrawDeclaration(
    @Param('partnerId', IdParam) partnerId: string,
    @Param('declarationId', IdParam) declarationId: string,
    @Body() body: ReasonDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new WithdrawPartnershipDeclarationCommand(
        { type: 'WithdrawPartnershipDeclaration', ...plain(body), partnerId, declarationId },
        metadata,
      ),
    );
  }

  @Post(':partnerId/commitments')
  @Records({
    summary: 'A partner makes a commitment with a measurable target and a date',
    body: MakeCommitmentDto,
    example: {
      commitmentId: 'bo-sammen-dorm-places',
      description:
        "Places for homeless young people in the foundation's dorms in Copenhagen and Odense",
      target: { quantity: 18, unit: 'dorm rooms reserved' },
      dueOn: '2018-12-31',
      occurredAt: '2017-09-01',
    },
    notFound: 'The partner, or the declaration named, is not known.',
    rules: ['partner-must-be-member', 'commitment-recorded-once'],
  })
  makeCommitment(
    @Param('partnerId', IdParam) partnerId: string,
    @Body() body: MakeCommitmentDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    const commitmentId = body.commitmentId ?? metadata.newId('commitment');
    return this.commands.execute(
      new MakeCommitmentCommand(
        { type: 'MakeCommitment', ...plain(body), partnerId, commitmentId },
        metadata,
      ),
    );
  }

  @Post(':partnerId/commitments/:commitmentId/fulfil')
  @Records({
    summary: 'A commitment is fulfilled',
    body: FulfilCommitmentDto,
    example: { note: 'All 18 places taken into use', occurredAt: '2018-12-15' },
    notFound: COMMITMENT_NOT_FOUND,
    rules: ['commitment-must-be-open'],
  })
  fulfilCommitment(
    @Param('partnerId', IdParam) partnerId: string,
    @Param('commitmentId', IdParam) commitmentId: string,
    @Body() body: FulfilCommitmentDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new FulfilCommitmentCommand(
        { type: 'FulfilCommitment', ...plain(body), partnerId, commitmentId },
        metadata,
      ),
    );
  }

  @Post(':partnerId/commitments/:commitmentId/revise')
  @Records({
    summary: "A commitment's target or date is revised, with a reason",
    body: ReviseCommitmentDto,
    example: {
      target: { quantity: 24, unit: 'dorm rooms reserved' },
      dueOn: '2019-12-31',
      reason: 'A third dorm joined the model',
      occurredAt: '2018-11-01',
    },
    notFound: COMMITMENT_NOT_FOUND,
    rules: ['commitment-must-be-open', 'revision-must-change-something'],
  })
  reviseCommitment(
    @Param('partnerId', IdParam) partnerId: string,
    @Param('commitmentId', IdParam) commitmentId: string,
    @Body() body: ReviseCommitmentDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new ReviseCommitmentCommand(
        { type: 'ReviseCommitment', ...plain(body), partnerId, commitmentId },
        metadata,
      ),
    );
  }

  @Post(':partnerId/commitments/:commitmentId/withdraw')
  @Records({
    summary: 'A commitment is withdrawn, with a reason',
    body: ReasonDto,
    example: { reason: 'The dorm was sold', occurredAt: '2019-03-01' },
    notFound: COMMITMENT_NOT_FOUND,
    rules: ['commitment-must-be-open'],
  })
  withdrawCommitment(
    @Param('partnerId', IdParam) partnerId: string,
    @Param('commitmentId', IdParam) commitmentId: string,
    @Body() body: ReasonDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new WithdrawCommitmentCommand(
        { type: 'WithdrawCommitment', ...plain(body), partnerId, commitmentId },
        metadata,
      ),
    );
  }
}
