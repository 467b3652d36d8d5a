import { requireIsoDate, resolveOccurredAt, dayStart } from '../shared/dates';
import { DomainRuleViolation, InvalidCommand } from '../shared/errors';
import { optionalText, requireDistinctIds, requireId, requireOneOf } from '../shared/values';
import { boardRoles, secretariatRoles, type Body } from '../shared/vocabulary';
import type {
  AppointAdvisoryBoardMember,
  ChangeBoardMemberRole,
  ElectBoardMember,
  GovernanceCommand,
  HoldGeneralAssembly,
  LeaveAdvisoryBoard,
  LeaveSecretariat,
  StartInSecretariat,
  StepDownFromBoard,
} from './governance.commands';
import type {
  AdvisoryBoardMemberAppointed,
  AdvisoryBoardMemberLeft,
  BoardMemberElected,
  BoardMemberRoleChanged,
  BoardMemberSteppedDown,
  GeneralAssemblyHeld,
  GovernanceEvent,
  SecretariatStaffLeft,
  SecretariatStaffStarted,
} from './governance.events';
import { requireCurrentSeat, requireSeatRulesAfter } from './governance.rules';
import { roleOn, type GovernanceState } from './governance.state';
import { assertNever } from '../shared/exhaustive';

/**
 * One stream for the board, the Advisory Board, the secretariat and the general assemblies:
 * "one chair at a time" and "no two seats on the same body" compare seats with each other, so
 * every seat must be decided against the same, current version of the stream.
 */
export function streamIdForGovernance(allianceId: string): string {
  return `governance-${allianceId}`;
}

/** Deterministic, so a replayed command yields the same id: nobody holds two seats starting the same day. */
export function seatIdFor(body: Body, holderId: string, startsOn: string): string {
  return `${body}:${holderId}:${startsOn}`;
}

export function decideHoldGeneralAssembly(
  state: GovernanceState,
  command: HoldGeneralAssembly,
  now?: string,
): GeneralAssemblyHeld[] {
  const allianceId = requireId('allianceId', command.allianceId);
  const assemblyId = requireId('assemblyId', command.assemblyId);
  const membersPresent = requireDistinctIds('membersPresent', command.membersPresent);
  const { occurredAt, day } = resolveOccurredAt(command.occurredAt, now);
  if (state.assemblies[assemblyId]) {
    throw new DomainRuleViolation(
      'general-assembly-recorded-once',
      `general assembly ${assemblyId} is already recorded`,
    );
  }
  return [
    {
      type: 'GeneralAssemblyHeld',
      occurredAt,
      data: { allianceId, assemblyId, heldOn: day, membersPresent },
    },
  ];
}

export function decideElectBoardMember(
  state: GovernanceState,
  command: ElectBoardMember,
  _now?: string,
): BoardMemberElected[] {
  const allianceId = requireId('allianceId', command.allianceId);
  const assemblyId = requireId('assemblyId', command.assemblyId);
  const personId = requireId('personId', command.personId);
  const organisationId = requireId('organisationId', command.organisationId);
  const role = requireOneOf('role', command.role, boardRoles);
  const assembly = state.assemblies[assemblyId];
  if (!assembly) {
    throw new DomainRuleViolation(
      'election-at-a-held-general-assembly',
      `general assembly ${assemblyId} is not recorded`,
    );
  }
  const startsOn =
    command.term?.startsOn == null
      ? assembly.heldOn
      : requireIsoDate('term.startsOn', command.term.startsOn);
  const endsOn =
    command.term?.endsOn == null ? null : requireIsoDate('term.endsOn', command.term.endsOn);
  if (endsOn !== null && endsOn <= startsOn) {
    throw new InvalidCommand(
      'term.endsOn',
      'term-ends-after-it-starts',
      'a term cannot end before it starts',
    );
  }
  const seatId = seatIdFor('board', personId, startsOn);
  requireNewSeat(state, seatId, `person ${personId}`);
  const event: BoardMemberElected = {
    type: 'BoardMemberElected',
    occurredAt: dayStart(assembly.heldOn),
    data: {
      allianceId,
      seatId,
      assemblyId,
      personId,
      organisationId,
      role,
      term: { startsOn, endsOn },
    },
  };
  requireSeatRulesAfter(state, event, seatId);
  return [event];
}

export function decideChangeBoardMemberRole(
  state: GovernanceState,
  command: ChangeBoardMemberRole,
  now?: string,
): BoardMemberRoleChanged[] {
  const allianceId = requireId('allianceId', command.allianceId);
  const personId = requireId('personId', command.personId);
  const role = requireOneOf('role', command.role, boardRoles);
  const { occurredAt, day } = resolveOccurredAt(command.occurredAt, now);
  const seat = requireCurrentSeat(
    state,
    'board',
    (s) => s.personId === personId,
    day,
    'role-change-needs-current-seat',
    `person ${personId}`,
  );
  const previousRole = requireOneOf('role', roleOn(seat, day), boardRoles);
  if (previousRole === role) {
    throw new DomainRuleViolation(
      'role-change-needs-new-role',
      `person ${personId} is already ${role}`,
    );
  }
  const event: BoardMemberRoleChanged = {
    type: 'BoardMemberRoleChanged',
    occurredAt,
    data: { allianceId, seatId: seat.seatId, personId, previousRole, role, changedOn: day },
  };
  requireSeatRulesAfter(state, event, seat.seatId);
  return [event];
}

export function decideStepDownFromBoard(
  state: GovernanceState,
  command: StepDownFromBoard,
  now?: string,
): BoardMemberSteppedDown[] {
  const allianceId = requireId('allianceId', command.allianceId);
  const personId = requireId('personId', command.personId);
  const { occurredAt, day } = resolveOccurredAt(command.occurredAt, now);
  const seat = requireCurrentSeat(
    state,
    'board',
    (s) => s.personId === personId,
    day,
    'step-down-needs-current-seat',
    `person ${personId}`,
  );
  return [
    {
      type: 'BoardMemberSteppedDown',
      occurredAt,
      data: {
        allianceId,
        seatId: seat.seatId,
        personId,
        steppedDownOn: day,
        reason: optionalText('reason', command.reason),
      },
    },
  ];
}

export function decideAppointAdvisoryBoardMember(
  state: GovernanceState,
  command: AppointAdvisoryBoardMember,
  now?: string,
): AdvisoryBoardMemberAppointed[] {
  const allianceId = requireId('allianceId', command.allianceId);
  const organisationId = requireId('organisationId', command.organisationId);
  const representativePersonId = requireId(
    'representativePersonId',
    command.representativePersonId,
  );
  const { occurredAt, day } = resolveOccurredAt(command.occurredAt, now);
  const seatId = seatIdFor('advisory-board', organisationId, day);
  requireNewSeat(state, seatId, `organisation ${organisationId}`);
  const event: AdvisoryBoardMemberAppointed = {
    type: 'AdvisoryBoardMemberAppointed',
    occurredAt,
    data: { allianceId, seatId, organisationId, representativePersonId, startsOn: day },
  };
  requireSeatRulesAfter(state, event, seatId);
  return [event];
}

export function decideLeaveAdvisoryBoard(
  state: GovernanceState,
  command: LeaveAdvisoryBoard,
  now?: string,
): AdvisoryBoardMemberLeft[] {
  const allianceId = requireId('allianceId', command.allianceId);
  const organisationId = requireId('organisationId', command.organisationId);
  const { occurredAt, day } = resolveOccurredAt(command.occurredAt, now);
  const seat = requireCurrentSeat(
    state,
    'advisory-board',
    (s) => s.organisationId === organisationId,
    day,
    'step-down-needs-current-seat',
    `organisation ${organisationId}`,
  );
  return [
    {
      type: 'AdvisoryBoardMemberLeft',
      occurredAt,
      data: {
        allianceId,
        seatId: seat.seatId,
        organisationId,
        leftOn: day,
        reason: optionalText('reason', command.reason),
      },
    },
  ];
}

export function decideStartInSecretariat(
  state: GovernanceState,
  command: StartInSecretariat,
  now?: string,
): SecretariatStaffStarted[] {
  const allianceId = requireId('allianceId', command.allianceId);
  const personId = requireId('personId', command.personId);
  const role = requireOneOf('role', command.role, secretariatRoles);
  const { occurredAt, day } = resolveOccurredAt(command.occurredAt, now);
  const seatId = seatIdFor('secretariat', personId, day);
  requireNewSeat(state, seatId, `person ${personId}`);
  const event: SecretariatStaffStarted = {
    type: 'SecretariatStaffStarted',
    occurredAt,
    data: { allianceId, seatId, personId, role, startsOn: day },
  };
  requireSeatRulesAfter(state, event, seatId);
  return [event];
}

export function decideLeaveSecretariat(
  state: GovernanceState,
  command: LeaveSecretariat,
  now?: string,
): SecretariatStaffLeft[] {
  const allianceId = requireId('allianceId', command.allianceId);
  const personId = requireId('personId', command.personId);
  const { occurredAt, day } = resolveOccurredAt(command.occurredAt, now);
  const seat = requireCurrentSeat(
    state,
    'secretariat',
    (s) => s.personId === personId,
    day,
    'step-down-needs-current-seat',
    `person ${personId}`,
  );
  return [
    {
      type: 'SecretariatStaffLeft',
      occurredAt,
      data: {
        allianceId,
        seatId: seat.seatId,
        personId,
        leftOn: day,
        reason: optionalText('reason', command.reason),
      },
    },
  ];
}

export function decideGovernance(
  state: GovernanceState,
  command: GovernanceCommand,
  now?: string,
): GovernanceEvent[] {
  switch (command.type) {
    case 'HoldGeneralAssembly':
      return decideHoldGeneralAssembly(state, command, now);
    case 'ElectBoardMember':
      return decideElectBoardMember(state, command, now);
    case 'ChangeBoardMemberRole':
      return decideChangeBoardMemberRole(state, command, now);
    case 'StepDownFromBoard':
      return decideStepDownFromBoard(state, command, now);
    case 'AppointAdvisoryBoardMember':
      return decideAppointAdvisoryBoardMember(state, command, now);
    case 'LeaveAdvisoryBoard':
      return decideLeaveAdvisoryBoard(state, command, now);
    case 'StartInSecretariat':
      return decideStartInSecretariat(state, command, now);
    case 'LeaveSecretariat':
      return decideLeaveSecretariat(state, command, now);
    default:
      return assertNever(command);
  }
}

function requireNewSeat(state: GovernanceState, seatId: string, who: string): void {
  if (state.seats.some((seat) => seat.seatId === seatId)) {
    throw new DomainRuleViolation(
      'one-seat-per-body-at-a-time',
      `${who} already holds a seat starting that day`,
    );
  }
}
