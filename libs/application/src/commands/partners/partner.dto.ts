import {
  partnershipCommitments,
  sectors,
  type PartnershipCommitment,
  type Sector,
} from '@ledger/domain';
import {
  Day,
  Id,
  ListOf,
  Nested,
  OccurredAt,
  OneOf,
  PositiveNumber,
  Text,
  TextList,
} from '../dto-fields';

export class JoinAllianceDto {
  @Id({ optional: true, description: 'Given, or derived from the Idempotency-Key.' })
  partnerId?: string;

  @Text(200)
  name: string;

  @OneOf(sectors, {
    description: 'One of the six sector categories of the partnership principles.',
  })
  sector: Sector;

  @Text(100, { nullable: true, description: 'For a municipality, or a partner working in one.' })
  municipality?: string | null;

  @OccurredAt()
  occurredAt?: string;
}

export class RenamePartnerDto {
  @Text(200)
  name: string;

  @OccurredAt()
  occurredAt?: string;
}

/** Purpose, contributions to the goal and to the alliance (the Odense draft), and principles. */
class DeclarationContentDto {
  @Text(2000)
  purpose: string;

  @TextList(50, 1000, { optional: true })
  contributionsToGoal?: string[];

  @TextList(50, 1000, { optional: true })
  contributionsToAlliance?: string[];

  @ListOf(partnershipCommitments, {
    optional: true,
    description: 'A draft may lack some; signing needs all five.',
  })
  principles?: PartnershipCommitment[];

  @OccurredAt()
  occurredAt?: string;
}

export class DraftPartnershipDeclarationDto extends DeclarationContentDto {
  @Id({ optional: true, description: 'Given, or derived from the Idempotency-Key.' })
  declarationId?: string;
}

export class RevisePartnershipDeclarationDto extends DeclarationContentDto {
  @Text(1000, { nullable: true })
  reason?: string | null;
}

export class CommitmentTargetDto {
  @PositiveNumber(1_000_000_000, { example: 18 })
  quantity: number;

  @Text(100, { example: 'dorm rooms reserved' })
  unit: string;
}

export class MakeCommitmentDto {
  @Id({ optional: true, description: 'Given, or derived from the Idempotency-Key.' })
  commitmentId?: string;

  @Id({ nullable: true, description: 'The declaration the commitment belongs to, if any.' })
  declarationId?: string | null;

  @Text(2000)
  description: string;

  @Nested(() => CommitmentTargetDto)
  target: CommitmentTargetDto;

  @Day({ description: 'When the commitment is due.' })
  dueOn: string;

  @OccurredAt()
  occurredAt?: string;
}

export class FulfilCommitmentDto {
  @Text(1000, { nullable: true })
  note?: string | null;

  @OccurredAt()
  occurredAt?: string;
}

export class ReviseCommitmentDto {
  @Nested(() => CommitmentTargetDto)
  target: CommitmentTargetDto;

  @Day()
  dueOn: string;

  @Text(1000)
  reason: string;

  @OccurredAt()
  occurredAt?: string;
}
