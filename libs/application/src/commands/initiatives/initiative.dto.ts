import {
  initiativePhases,
  initiativeTargetUnits,
  type InitiativePartnerRole,
  type InitiativePhase,
  type InitiativeTargetUnit,
} from '@ledger/domain';
import { Id, IdList, Nested, OccurredAt, OneOf, Text, TextList, WholeNumber } from '../dto-fields';

export const initiativePartnerRoles: readonly InitiativePartnerRole[] = ['lead', 'participant'];

export class InitiativeTargetDto {
  @WholeNumber(1_000_000, { example: 100 })
  quantity: number;

  @OneOf(initiativeTargetUnits, { description: 'Homes created, or young people reached.' })
  unit: InitiativeTargetUnit;
}

export class LaunchInitiativeDto {
  @Id({ optional: true, description: 'Given, or derived from the Idempotency-Key.' })
  initiativeId?: string;

  @Text(200)
  name: string;

  @Text(4000)
  description: string;

  @IdList(50, { description: 'Partner ids; at least one lead partner.' })
  leadPartnerIds: string[];

  @IdList(100, { optional: true })
  participatingPartnerIds?: string[];

  @TextList(100, 100, { optional: true })
  municipalities?: string[];

  @Nested(() => InitiativeTargetDto)
  target: InitiativeTargetDto;

  @OneOf(initiativePhases, { optional: true, description: 'Defaults to idea.' })
  phase?: InitiativePhase;

  @OccurredAt()
  occurredAt?: string;
}

export class MoveInitiativeToPhaseDto {
  @OneOf(initiativePhases, { description: 'Phases move forward only; skipping is allowed.' })
  phase: InitiativePhase;

  @OccurredAt()
  occurredAt?: string;
}

export class ReviseInitiativeTargetDto {
  @Nested(() => InitiativeTargetDto)
  target: InitiativeTargetDto;

  @Text(1000)
  reason: string;

  @OccurredAt()
  occurredAt?: string;
}

export class JoinInitiativeDto {
  @Id()
  partnerId: string;

  @OneOf(initiativePartnerRoles)
  role: InitiativePartnerRole;

  @OccurredAt()
  occurredAt?: string;
}
