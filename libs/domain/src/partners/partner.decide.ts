import { requireIsoDate, resolveOccurredAt } from '../shared/dates';
import { DomainRuleViolation, InvalidCommand, NotFoundInDomain } from '../shared/errors';
import {
  optionalText,
  requireDistinctOf,
  requireId,
  requireOneOf,
  requirePositiveNumber,
  requireText,
  requireTextList,
  sameJson,
} from '../shared/values';
import { partnershipCommitments, sectors } from '../shared/vocabulary';
import type {
  DraftPartnershipDeclaration,
  FulfilCommitment,
  JoinAlliance,
  LeaveAlliance,
  MakeCommitment,
  PartnerCommand,
  RejoinAlliance,
  RenamePartner,
  ReviseCommitment,
  RevisePartnershipDeclaration,
  SignPartnershipDeclaration,
  WithdrawCommitment,
  WithdrawPartnershipDeclaration,
} from './partner.commands';
import type {
  CommitmentTarget,
  DeclarationContent,
  PartnerEvent,
  PartnerJoined,
  PartnerRejoined,
  PartnerRenamed,
  PartnershipDeclarationDrafted,
  PartnershipDeclarationRevised,
  PartnershipDeclarationSigned,
  PartnershipDeclarationWithdrawn,
  CommitmentFulfilled,
  CommitmentMade,
  CommitmentRevised,
  CommitmentWithdrawn,
} from './partner.events';
import {
  activeDeclaration,
  type CommitmentState,
  type DeclarationState,
  type PartnerState,
} from './partner.state';
import { assertNever } from '../shared/exhaustive';

export function streamIdForPartner(partnerId: string): string {
  return `partner-${partnerId}`;
}

/** Said on the declaration and commitments a partner's leaving closes. */
export const LEFT_THE_ALLIANCE = 'The partner left the alliance';

export function decideJoinAlliance(
  state: PartnerState,
  command: JoinAlliance,
  now?: string,
): PartnerJoined[] {
  const partnerId = requireId('partnerId', command.partnerId);
  if (state.status !== 'unknown') {
    throw new DomainRuleViolation(
      'partner-joins-once',
      `partner ${partnerId} has joined before; a former partner rejoins`,
    );
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    {
      type: 'PartnerJoined',
      occurredAt,
      data: {
        partnerId,
        name: requireText('name', command.name),
        sector: requireOneOf('sector', command.sector, sectors),
        municipality: optionalText('municipality', command.municipality),
      },
    },
  ];
}

export function decideRenamePartner(
  state: PartnerState,
  command: RenamePartner,
  now?: string,
): PartnerRenamed[] {
  const partnerId = requireKnownPartner(state, command.partnerId);
  const name = requireText('name', command.name);
  if (name === state.name) {
    throw new DomainRuleViolation('revision-must-change-something', 'the name is unchanged');
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    {
      type: 'PartnerRenamed',
      occurredAt,
      data: { partnerId, previousName: state.name ?? '', name },
    },
  ];
}

/**
 * Leaving also closes what only a partner can hold: the active declaration is withdrawn and open
 * commitments are withdrawn, each as its own event, so reports on declarations and commitments
 * never show promises from an organisation that is no longer in the alliance.
 */
export function decideLeaveAlliance(
  state: PartnerState,
  command: LeaveAlliance,
  now?: string,
): PartnerEvent[] {
  const partnerId = requireKnownPartner(state, command.partnerId);
  if (state.status !== 'member') {
    throw new DomainRuleViolation(
      'leave-needs-membership',
      `partner ${partnerId} has already left`,
    );
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  const events: PartnerEvent[] = [
    {
      type: 'PartnerLeft',
      occurredAt,
      data: { partnerId, reason: optionalText('reason', command.reason) },
    },
  ];
  const declaration = activeDeclaration(state);
  if (declaration) {
    events.push({
      type: 'PartnershipDeclarationWithdrawn',
      occurredAt,
      data: { partnerId, declarationId: declaration.declarationId, reason: LEFT_THE_ALLIANCE },
    });
  }
  for (const commitment of Object.values(state.commitments)) {
    if (commitment.status !== 'open') continue;
    events.push({
      type: 'CommitmentWithdrawn',
      occurredAt,
      data: { partnerId, commitmentId: commitment.commitmentId, reason: LEFT_THE_ALLIANCE },
    });
  }
  return events;
}

export function decideRejoinAlliance(
  state: PartnerState,
  command: RejoinAlliance,
  now?: string,
): PartnerRejoined[] {
  const partnerId = requireKnownPartner(state, command.partnerId);
  if (state.status !== 'former') {
    throw new DomainRuleViolation(
      'rejoin-needs-former-partner',
      `partner ${partnerId} is a partner now`,
    );
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [{ type: 'PartnerRejoined', occurredAt, data: { partnerId } }];
}

export function decideDraftPartnershipDeclaration(
  state: PartnerState,
  command: DraftPartnershipDeclaration,
  now?: string,
): PartnershipDeclarationDrafted[] {
  const partnerId = requireMember(state, command.partnerId);
  const declarationId = requireId('declarationId', command.declarationId);
  const content = requireContent(command);
  if (state.declarations[declarationId]) {
    throw new DomainRuleViolation(
      'declaration-recorded-once',
      `declaration ${declarationId} already exists`,
    );
  }
  const active = activeDeclaration(state);
  if (active) {
    throw new DomainRuleViolation(
      'one-active-declaration-per-partner',
      `declaration ${active.declarationId} is ${active.status}; revise or withdraw it first`,
    );
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    {
      type: 'PartnershipDeclarationDrafted',
      occurredAt,
      data: { partnerId, declarationId, version: 1, content },
    },
  ];
}

export function decideSignPartnershipDeclaration(
  state: PartnerState,
  command: SignPartnershipDeclaration,
  now?: string,
): PartnershipDeclarationSigned[] {
  const partnerId = requireMember(state, command.partnerId);
  const declaration = requireDeclaration(state, command.declarationId);
  if (declaration.status !== 'draft') {
    throw new DomainRuleViolation(
      'signing-needs-a-draft',
      `declaration ${declaration.declarationId} is ${declaration.status}`,
    );
  }
  requireEveryPrinciple(declaration.content);
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    {
      type: 'PartnershipDeclarationSigned',
      occurredAt,
      data: { partnerId, declarationId: declaration.declarationId, version: declaration.version },
    },
  ];
}

export function decideRevisePartnershipDeclaration(
  state: PartnerState,
  command: RevisePartnershipDeclaration,
  now?: string,
): PartnershipDeclarationRevised[] {
  const partnerId = requireMember(state, command.partnerId);
  const declaration = requireOpenDeclaration(state, command.declarationId);
  const content = requireContent(command);
  if (declaration.status === 'signed') requireEveryPrinciple(content);
  if (sameJson(content, declaration.content)) {
    throw new DomainRuleViolation('revision-must-change-something', 'the declaration is unchanged');
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    {
      type: 'PartnershipDeclarationRevised',
      occurredAt,
      data: {
        partnerId,
        declarationId: declaration.declarationId,
        version: declaration.version + 1,
        content,
        reason: optionalText('reason', command.reason),
      },
    },
  ];
}

export function decideWithdrawPartnershipDeclaration(
  state: PartnerState,
  command: WithdrawPartnershipDeclaration,
  now?: string,
): PartnershipDeclarationWithdrawn[] {
  const partnerId = requireKnownPartner(state, command.partnerId);
  const declaration = requireOpenDeclaration(state, command.declarationId);
  const reason = requireText('reason', command.reason);
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    {
      type: 'PartnershipDeclarationWithdrawn',
      occurredAt,
      data: { partnerId, declarationId: declaration.declarationId, reason },
    },
  ];
}

export function decideMakeCommitment(
  state: PartnerState,
  command: MakeCommitment,
  now?: string,
): CommitmentMade[] {
  const partnerId = requireMember(state, command.partnerId);
  const commitmentId = requireId('commitmentId', command.commitmentId);
  const declarationId =
    command.declarationId === undefined || command.declarationId === null
      ? null
      : requireDeclaration(state, command.declarationId).declarationId;
  const description = requireText('description', command.description);
  const target = requireTarget(command.target);
  const dueOn = requireIsoDate('dueOn', command.dueOn);
  if (state.commitments[commitmentId]) {
    throw new DomainRuleViolation(
      'commitment-recorded-once',
      `commitment ${commitmentId} already exists`,
    );
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    {
      type: 'CommitmentMade',
      occurredAt,
      data: { partnerId, commitmentId, declarationId, description, target, dueOn },
    },
  ];
}

export function decideFulfilCommitment(
  state: PartnerState,
  command: FulfilCommitment,
  now?: string,
): CommitmentFulfilled[] {
  const partnerId = requireKnownPartner(state, command.partnerId);
  const commitment = requireOpenCommitment(state, command.commitmentId);
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    {
      type: 'CommitmentFulfilled',
      occurredAt,
      data: {
        partnerId,
        commitmentId: commitment.commitmentId,
        note: optionalText('note', command.note),
      },
    },
  ];
}

export function decideReviseCommitment(
  state: PartnerState,
  command: ReviseCommitment,
  now?: string,
): CommitmentRevised[] {
  const partnerId = requireKnownPartner(state, command.partnerId);
  const commitment = requireOpenCommitment(state, command.commitmentId);
  const target = requireTarget(command.target);
  const dueOn = requireIsoDate('dueOn', command.dueOn);
  const reason = requireText('reason', command.reason);
  if (sameJson(target, commitment.target) && dueOn === commitment.dueOn) {
    throw new DomainRuleViolation(
      'revision-must-change-something',
      'target and date are unchanged',
    );
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    {
      type: 'CommitmentRevised',
      occurredAt,
      data: {
        partnerId,
        commitmentId: commitment.commitmentId,
        previousTarget: commitment.target,
        previousDueOn: commitment.dueOn,
        target,
        dueOn,
        reason,
      },
    },
  ];
}

export function decideWithdrawCommitment(
  state: PartnerState,
  command: WithdrawCommitment,
  now?: string,
): CommitmentWithdrawn[] {
  const partnerId = requireKnownPartner(state, command.partnerId);
  const commitment = requireOpenCommitment(state, command.commitmentId);
  const reason = requireText('reason', command.reason);
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    {
      type: 'CommitmentWithdrawn',
      occurredAt,
      data: { partnerId, commitmentId: commitment.commitmentId, reason },
    },
  ];
}

export function decidePartner(
  state: PartnerState,
  command: PartnerCommand,
  now?: string,
): PartnerEvent[] {
  switch (command.type) {
    case 'JoinAlliance':
      return decideJoinAlliance(state, command, now);
    case 'RenamePartner':
      return decideRenamePartner(state, command, now);
    case 'LeaveAlliance':
      return decideLeaveAlliance(state, command, now);
    case 'RejoinAlliance':
      return decideRejoinAlliance(state, command, now);
    case 'DraftPartnershipDeclaration':
      return decideDraftPartnershipDeclaration(state, command, now);
    case 'SignPartnershipDeclaration':
      return decideSignPartnershipDeclaration(state, command, now);
    case 'RevisePartnershipDeclaration':
      return decideRevisePartnershipDeclaration(state, command, now);
    case 'WithdrawPartnershipDeclaration':
      return decideWithdrawPartnershipDeclaration(state, command, now);
    case 'MakeCommitment':
      return decideMakeCommitment(state, command, now);
    case 'FulfilCommitment':
      return decideFulfilCommitment(state, command, now);
    case 'ReviseCommitment':
      return decideReviseCommitment(state, command, now);
    case 'WithdrawCommitment':
      return decideWithdrawCommitment(state, command, now);
    default:
      return assertNever(command);
  }
}

function requireKnownPartner(state: PartnerState, partnerIdValue: string): string {
  const partnerId = requireId('partnerId', partnerIdValue);
  if (state.status === 'unknown') throw new NotFoundInDomain('partner', partnerId);
  return partnerId;
}

function requireMember(state: PartnerState, partnerIdValue: string): string {
  const partnerId = requireKnownPartner(state, partnerIdValue);
  if (state.status !== 'member') {
    throw new DomainRuleViolation(
      'partner-must-be-member',
      `partner ${partnerId} has left the alliance`,
    );
  }
  return partnerId;
}

function requireDeclaration(state: PartnerState, declarationIdValue: string): DeclarationState {
  const declarationId = requireId('declarationId', declarationIdValue);
  const declaration = state.declarations[declarationId];
  if (!declaration) throw new NotFoundInDomain('partnership declaration', declarationId);
  return declaration;
}

function requireOpenDeclaration(state: PartnerState, declarationId: string): DeclarationState {
  const declaration = requireDeclaration(state, declarationId);
  if (declaration.status === 'withdrawn') {
    throw new DomainRuleViolation(
      'withdrawn-declaration-is-closed',
      `declaration ${declaration.declarationId} was withdrawn`,
    );
  }
  return declaration;
}

function requireOpenCommitment(state: PartnerState, commitmentIdValue: string): CommitmentState {
  const commitmentId = requireId('commitmentId', commitmentIdValue);
  const commitment = state.commitments[commitmentId];
  if (!commitment) throw new NotFoundInDomain('commitment', commitmentId);
  if (commitment.status !== 'open') {
    throw new DomainRuleViolation(
      'commitment-must-be-open',
      `commitment ${commitmentId} is ${commitment.status}`,
    );
  }
  return commitment;
}

function requireContent(command: {
  purpose: string;
  contributionsToGoal?: string[];
  contributionsToAlliance?: string[];
  principles?: string[];
}): DeclarationContent {
  return {
    purpose: requireText('purpose', command.purpose),
    contributionsToGoal: requireTextList('contributionsToGoal', command.contributionsToGoal),
    contributionsToAlliance: requireTextList(
      'contributionsToAlliance',
      command.contributionsToAlliance,
    ),
    principles: requireDistinctOf('principles', command.principles, partnershipCommitments),
  };
}

/**
 * The alliance asks every partner for all five partnership commitments (003); they are the
 * alliance's fixed checklist, so the partner stream can check them without reading the
 * alliance's stream.
 */
function requireEveryPrinciple(content: DeclarationContent): void {
  const missing = partnershipCommitments.filter((p) => !content.principles.includes(p));
  if (missing.length > 0) {
    throw new DomainRuleViolation(
      'declaration-commits-to-every-principle',
      `the declaration does not commit to ${missing.join(', ')}`,
    );
  }
}

function requireTarget(target: CommitmentTarget | undefined): CommitmentTarget {
  if (target === undefined || target === null) throw new InvalidCommand('target', 'required');
  return {
    quantity: requirePositiveNumber('target.quantity', target.quantity),
    unit: requireText('target.unit', target.unit),
  };
}
