import type { Sector } from '../shared/vocabulary';
import type { CommitmentTarget, DeclarationContent, PartnerEvent } from './partner.events';
import { assertNever } from '../shared/exhaustive';

export type DeclarationStatus = 'draft' | 'signed' | 'withdrawn';
export interface DeclarationState {
  declarationId: string;
  status: DeclarationStatus;
  version: number;
  content: DeclarationContent;
  signedVersion: number | null;
  signedAt: string | null;
  withdrawnAt: string | null;
  /** Earlier versions, oldest first: a declaration is a versioned document. */
  previousVersions: Array<{ version: number; content: DeclarationContent }>;
}

export type CommitmentStatus = 'open' | 'fulfilled' | 'withdrawn';
export interface CommitmentState {
  commitmentId: string;
  declarationId: string | null;
  description: string;
  target: CommitmentTarget;
  dueOn: string;
  status: CommitmentStatus;
}

export interface PartnerState {
  /** `unknown` until the stream holds a PartnerJoined. */
  status: 'unknown' | 'member' | 'former';
  partnerId: string | null;
  name: string | null;
  sector: Sector | null;
  municipality: string | null;
  /** Every spell of membership, so the partner count can be shown for any date. */
  memberships: Array<{ joinedAt: string | null; leftAt: string | null }>;
  declarations: Record<string, DeclarationState>;
  commitments: Record<string, CommitmentState>;
}

export const initialPartnerState: PartnerState = {
  status: 'unknown',
  partnerId: null,
  name: null,
  sector: null,
  municipality: null,
  memberships: [],
  declarations: {},
  commitments: {},
};

export function evolvePartner(state: PartnerState, event: PartnerEvent): PartnerState {
  const at = event.occurredAt ?? null;
  switch (event.type) {
    case 'PartnerJoined':
      return {
        ...state,
        status: 'member',
        partnerId: event.data.partnerId,
        name: event.data.name,
        sector: event.data.sector,
        municipality: event.data.municipality,
        memberships: [...state.memberships, { joinedAt: at, leftAt: null }],
      };
    case 'PartnerRenamed':
      return { ...state, name: event.data.name };
    case 'PartnerLeft':
      return {
        ...state,
        status: 'former',
        memberships: state.memberships.map((spell) =>
          spell.leftAt === null ? { ...spell, leftAt: at } : spell,
        ),
      };
    case 'PartnerRejoined':
      return {
        ...state,
        status: 'member',
        memberships: [...state.memberships, { joinedAt: at, leftAt: null }],
      };
    case 'PartnershipDeclarationDrafted':
      return withDeclaration(state, {
        declarationId: event.data.declarationId,
        status: 'draft',
        version: event.data.version,
        content: event.data.content,
        signedVersion: null,
        signedAt: null,
        withdrawnAt: null,
        previousVersions: [],
      });
    case 'PartnershipDeclarationSigned': {
      const declaration = state.declarations[event.data.declarationId];
      return withDeclaration(state, {
        ...declaration,
        status: 'signed',
        signedVersion: event.data.version,
        signedAt: at,
      });
    }
    case 'PartnershipDeclarationRevised': {
      const declaration = state.declarations[event.data.declarationId];
      return withDeclaration(state, {
        ...declaration,
        version: event.data.version,
        content: event.data.content,
        previousVersions: [
          ...declaration.previousVersions,
          { version: declaration.version, content: declaration.content },
        ],
      });
    }
    case 'PartnershipDeclarationWithdrawn': {
      const declaration = state.declarations[event.data.declarationId];
      return withDeclaration(state, { ...declaration, status: 'withdrawn', withdrawnAt: at });
    }
    case 'CommitmentMade':
      return withCommitment(state, {
        commitmentId: event.data.commitmentId,
        declarationId: event.data.declarationId,
        description: event.data.description,
        target: event.data.target,
        dueOn: event.data.dueOn,
        status: 'open',
      });
    case 'CommitmentFulfilled':
      return withCommitment(state, {
        ...state.commitments[event.data.commitmentId],
        status: 'fulfilled',
      });
    case 'CommitmentRevised':
      return withCommitment(state, {
        ...state.commitments[event.data.commitmentId],
        target: event.data.target,
        dueOn: event.data.dueOn,
      });
    case 'CommitmentWithdrawn':
      return withCommitment(state, {
        ...state.commitments[event.data.commitmentId],
        status: 'withdrawn',
      });
    default:
      return assertNever(event);
  }
}

function withDeclaration(state: PartnerState, declaration: DeclarationState): PartnerState {
  return {
    ...state,
    declarations: { ...state.declarations, [declaration.declarationId]: declaration },
  };
}

function withCommitment(state: PartnerState, commitment: CommitmentState): PartnerState {
  return {
    ...state,
    commitments: { ...state.commitments, [commitment.commitmentId]: commitment },
  };
}

/** The draft or signed declaration, if any: a partner has at most one. */
export function activeDeclaration(state: PartnerState): DeclarationState | undefined {
  return Object.values(state.declarations).find((d) => d.status !== 'withdrawn');
}
