import { resolveOccurredAt } from '../shared/dates';
import { DomainRuleViolation, InvalidCommand, NotFoundInDomain } from '../shared/errors';
import {
  requireDistinctOf,
  requireId,
  requireText,
  requireWholeNumberAboveZero,
  sameJson,
} from '../shared/values';
import { partnershipCommitments, strategicEfforts } from '../shared/vocabulary';
import type { AllianceCommand, FoundAlliance, ReviseAllianceGoal } from './alliance.commands';
import type {
  AllianceEvent,
  AllianceFounded,
  AllianceGoal,
  AllianceGoalRevised,
} from './alliance.events';
import type { AllianceState } from './alliance.state';
import { assertNever } from '../shared/exhaustive';

export function streamIdForAlliance(allianceId: string): string {
  return `alliance-${allianceId}`;
}

export function decideFoundAlliance(
  state: AllianceState,
  command: FoundAlliance,
  now?: string,
): AllianceFounded[] {
  const allianceId = requireId('allianceId', command.allianceId);
  if (state.founded) {
    throw new DomainRuleViolation(
      'alliance-founded-once',
      `alliance ${allianceId} is already founded`,
    );
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    {
      type: 'AllianceFounded',
      occurredAt,
      data: {
        allianceId,
        name: requireText('name', command.name),
        goal: requireGoal(command.goal),
        principles:
          command.principles === undefined
            ? [...partnershipCommitments]
            : requireDistinctOf('principles', command.principles, partnershipCommitments),
        strategicEfforts:
          command.strategicEfforts === undefined
            ? [...strategicEfforts]
            : requireDistinctOf('strategicEfforts', command.strategicEfforts, strategicEfforts),
      },
    },
  ];
}

export function decideReviseAllianceGoal(
  state: AllianceState,
  command: ReviseAllianceGoal,
  now?: string,
): AllianceGoalRevised[] {
  const allianceId = requireId('allianceId', command.allianceId);
  if (!state.founded || state.goal === null) throw new NotFoundInDomain('alliance', allianceId);
  const goal = requireGoal(command.goal);
  const reason = requireText('reason', command.reason);
  if (sameJson(goal, state.goal)) {
    throw new DomainRuleViolation('revision-must-change-something', 'the goal is unchanged');
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    {
      type: 'AllianceGoalRevised',
      occurredAt,
      data: { allianceId, previousGoal: state.goal, goal, reason },
    },
  ];
}

export function decideAlliance(
  state: AllianceState,
  command: AllianceCommand,
  now?: string,
): AllianceEvent[] {
  switch (command.type) {
    case 'FoundAlliance':
      return decideFoundAlliance(state, command, now);
    case 'ReviseAllianceGoal':
      return decideReviseAllianceGoal(state, command, now);
    default:
      return assertNever(command);
  }
}

function requireGoal(goal: AllianceGoal | undefined): AllianceGoal {
  if (goal === undefined || goal === null) throw new InvalidCommand('goal', 'required');
  const homes = requireWholeNumberAboveZero('goal.homes', goal.homes);
  const fromYear = requireWholeNumberAboveZero('goal.fromYear', goal.fromYear);
  const toYear = requireWholeNumberAboveZero('goal.toYear', goal.toYear);
  if (toYear < fromYear) {
    throw new InvalidCommand(
      'goal.toYear',
      'period-ends-after-it-starts',
      'the time frame cannot end before it starts',
    );
  }
  return { homes, fromYear, toYear };
}
