import { resolveOccurredAt } from '../shared/dates';
import { DomainRuleViolation, InvalidCommand, NotFoundInDomain } from '../shared/errors';
import {
  optionalText,
  requireDistinctIds,
  requireId,
  requireOneOf,
  requireText,
  requireTextList,
  requireDistinct,
  requireWholeNumberAboveZero,
  sameJson,
} from '../shared/values';
import { initiativePhases, initiativeTargetUnits } from '../shared/vocabulary';
import type {
  InitiativeCommand,
  JoinInitiative,
  LaunchInitiative,
  LeaveInitiative,
  MoveInitiativeToPhase,
  ReviseInitiativeTarget,
} from './initiative.commands';
import type {
  InitiativeEvent,
  InitiativeLaunched,
  InitiativeMovedToPhase,
  InitiativeTarget,
  InitiativeTargetRevised,
  PartnerJoinedInitiative,
  PartnerLeftInitiative,
} from './initiative.events';
import type { InitiativeState } from './initiative.state';
import { assertNever } from '../shared/exhaustive';

/** One stream per initiative: its rules (a lead partner, forward phases) concern it alone. */
export function streamIdForInitiative(initiativeId: string): string {
  return `initiative-${initiativeId}`;
}

export function decideLaunchInitiative(
  state: InitiativeState,
  command: LaunchInitiative,
  now?: string,
): InitiativeLaunched[] {
  const initiativeId = requireId('initiativeId', command.initiativeId);
  if (state.launched) {
    throw new DomainRuleViolation(
      'initiative-launched-once',
      `initiative ${initiativeId} is already launched`,
    );
  }
  const leadPartnerIds = requireDistinctIds('leadPartnerIds', command.leadPartnerIds);
  const participatingPartnerIds = requireDistinctIds(
    'participatingPartnerIds',
    command.participatingPartnerIds,
  );
  if (leadPartnerIds.length === 0) {
    throw new DomainRuleViolation(
      'initiative-needs-a-lead-partner',
      'an initiative is launched with at least one lead partner',
    );
  }
  const both = leadPartnerIds.find((id) => participatingPartnerIds.includes(id));
  if (both) {
    throw new DomainRuleViolation(
      'partner-once-per-initiative',
      `partner ${both} is named both as lead and as participant`,
    );
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    {
      type: 'InitiativeLaunched',
      occurredAt,
      data: {
        initiativeId,
        name: requireText('name', command.name),
        description: requireText('description', command.description),
        leadPartnerIds,
        participatingPartnerIds,
        municipalities: requireDistinct(
          'municipalities',
          requireTextList('municipalities', command.municipalities),
        ),
        target: requireTarget(command.target),
        phase:
          command.phase === undefined
            ? 'idea'
            : requireOneOf('phase', command.phase, initiativePhases),
      },
    },
  ];
}

export function decideMoveInitiativeToPhase(
  state: InitiativeState,
  command: MoveInitiativeToPhase,
  now?: string,
): InitiativeMovedToPhase[] {
  const initiativeId = requireOpenInitiative(state, command.initiativeId);
  const phase = requireOneOf('phase', command.phase, initiativePhases);
  const previousPhase = state.phase ?? 'idea';
  if (initiativePhases.indexOf(phase) <= initiativePhases.indexOf(previousPhase)) {
    throw new DomainRuleViolation(
      'phases-move-forward',
      `initiative ${initiativeId} is in phase ${previousPhase} and cannot move to ${phase}`,
    );
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    { type: 'InitiativeMovedToPhase', occurredAt, data: { initiativeId, previousPhase, phase } },
  ];
}

export function decideReviseInitiativeTarget(
  state: InitiativeState,
  command: ReviseInitiativeTarget,
  now?: string,
): InitiativeTargetRevised[] {
  const initiativeId = requireOpenInitiative(state, command.initiativeId);
  const target = requireTarget(command.target);
  const reason = requireText('reason', command.reason);
  const previousTarget = state.target as InitiativeTarget;
  if (sameJson(target, previousTarget)) {
    throw new DomainRuleViolation('revision-must-change-something', 'the target is unchanged');
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    {
      type: 'InitiativeTargetRevised',
      occurredAt,
      data: { initiativeId, previousTarget, target, reason },
    },
  ];
}

export function decideJoinInitiative(
  state: InitiativeState,
  command: JoinInitiative,
  now?: string,
): PartnerJoinedInitiative[] {
  const initiativeId = requireOpenInitiative(state, command.initiativeId);
  const partnerId = requireId('partnerId', command.partnerId);
  const role = requireOneOf('role', command.role, ['lead', 'participant'] as const);
  if (state.partners[partnerId]) {
    throw new DomainRuleViolation(
      'partner-once-per-initiative',
      `partner ${partnerId} already takes part as ${state.partners[partnerId]}`,
    );
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [{ type: 'PartnerJoinedInitiative', occurredAt, data: { initiativeId, partnerId, role } }];
}

export function decideLeaveInitiative(
  state: InitiativeState,
  command: LeaveInitiative,
  now?: string,
): PartnerLeftInitiative[] {
  const initiativeId = requireOpenInitiative(state, command.initiativeId);
  const partnerId = requireId('partnerId', command.partnerId);
  const role = state.partners[partnerId];
  if (!role) {
    throw new DomainRuleViolation(
      'leaving-initiative-needs-participation',
      `partner ${partnerId} does not take part in initiative ${initiativeId}`,
    );
  }
  const leads = Object.values(state.partners).filter((r) => r === 'lead').length;
  if (role === 'lead' && leads === 1) {
    throw new DomainRuleViolation(
      'initiative-needs-a-lead-partner',
      `partner ${partnerId} is the only lead partner; another partner must take the lead first`,
    );
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    {
      type: 'PartnerLeftInitiative',
      occurredAt,
      data: { initiativeId, partnerId, reason: optionalText('reason', command.reason) },
    },
  ];
}

export function decideInitiative(
  state: InitiativeState,
  command: InitiativeCommand,
  now?: string,
): InitiativeEvent[] {
  switch (command.type) {
    case 'LaunchInitiative':
      return decideLaunchInitiative(state, command, now);
    case 'MoveInitiativeToPhase':
      return decideMoveInitiativeToPhase(state, command, now);
    case 'ReviseInitiativeTarget':
      return decideReviseInitiativeTarget(state, command, now);
    case 'JoinInitiative':
      return decideJoinInitiative(state, command, now);
    case 'LeaveInitiative':
      return decideLeaveInitiative(state, command, now);
    default:
      return assertNever(command);
  }
}

function requireOpenInitiative(state: InitiativeState, initiativeIdValue: string): string {
  const initiativeId = requireId('initiativeId', initiativeIdValue);
  if (!state.launched) throw new NotFoundInDomain('initiative', initiativeId);
  if (state.phase === 'concluded') {
    throw new DomainRuleViolation(
      'concluded-initiative-is-closed',
      `initiative ${initiativeId} is concluded`,
    );
  }
  return initiativeId;
}

function requireTarget(target: InitiativeTarget | undefined): InitiativeTarget {
  if (target === undefined || target === null) throw new InvalidCommand('target', 'required');
  return {
    quantity: requireWholeNumberAboveZero('target.quantity', target.quantity),
    unit: requireOneOf('target.unit', target.unit, initiativeTargetUnits),
  };
}
