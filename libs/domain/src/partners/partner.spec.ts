import { partnershipCommitments } from '../shared/vocabulary';
import { scenario } from '../testing/given-when-then';
import { partnerAggregate } from './partner.aggregate';
import { LEFT_THE_ALLIANCE, streamIdForPartner } from './partner.decide';
import type {
  CommitmentMade,
  DeclarationContent,
  PartnerJoined,
  PartnerLeft,
  PartnershipDeclarationDrafted,
  PartnershipDeclarationSigned,
} from './partner.events';

const partner = scenario(partnerAggregate);
const at = (day: string) => `${day}T00:00:00.000Z`;

const joined: PartnerJoined = {
  type: 'PartnerJoined',
  occurredAt: at('2018-03-01'),
  data: {
    partnerId: 'odense',
    name: 'Odense Kommune',
    sector: 'authority',
    municipality: 'Odense',
  },
};
const left: PartnerLeft = {
  type: 'PartnerLeft',
  occurredAt: at('2020-01-01'),
  data: { partnerId: 'odense', reason: null },
};
const content: DeclarationContent = {
  purpose: 'Vi vil stoppe hjemløshed blandt unge. Alle har brug for et hjem.',
  contributionsToGoal: ['18 dorm places with Bikubenfonden'],
  contributionsToAlliance: ['Make our knowledge available to the other partners'],
  principles: [...partnershipCommitments],
};
const drafted: PartnershipDeclarationDrafted = {
  type: 'PartnershipDeclarationDrafted',
  occurredAt: at('2018-09-01'),
  data: { partnerId: 'odense', declarationId: 'd1', version: 1, content },
};
const signed: PartnershipDeclarationSigned = {
  type: 'PartnershipDeclarationSigned',
  occurredAt: at('2018-10-01'),
  data: { partnerId: 'odense', declarationId: 'd1', version: 1 },
};
const commitment: CommitmentMade = {
  type: 'CommitmentMade',
  occurredAt: at('2018-10-01'),
  data: {
    partnerId: 'odense',
    commitmentId: 'c1',
    declarationId: 'd1',
    description: 'Rooms reserved in the dorms in Odense',
    target: { quantity: 9, unit: 'dorm rooms' },
    dueOn: '2019-12-31',
  },
};

describe('a partner', () => {
  it('lives in the stream partner-<partnerId>', () => {
    expect(streamIdForPartner('odense')).toBe('partner-odense');
  });

  describe('joins the alliance', () => {
    it('with a name, one of the six sectors and an optional municipality', () => {
      const state = partner
        .given([])
        .when({
          type: 'JoinAlliance',
          partnerId: 'odense',
          name: 'Odense Kommune',
          sector: 'authority',
          municipality: 'Odense',
          occurredAt: '2018-03-01',
        })
        .then([joined]);
      expect(state.status).toBe('member');
    });

    it('without a municipality, recorded as null', () => {
      partner
        .given([])
        .when({ type: 'JoinAlliance', partnerId: 'kab', name: 'KAB', sector: 'social-housing' })
        .then([
          {
            type: 'PartnerJoined',
            occurredAt: '2026-01-15T09:00:00.000Z',
            data: { partnerId: 'kab', name: 'KAB', sector: 'social-housing', municipality: null },
          },
        ]);
    });

    it('from one of the six sector categories only', () => {
      partner
        .given([])
        .when({ type: 'JoinAlliance', partnerId: 'x', name: 'X', sector: 'company' as never })
        .thenInvalid('sector', 'known-value');
    });

    it('once (partner-joins-once), also after leaving', () => {
      partner
        .given([joined, left])
        .when({ type: 'JoinAlliance', partnerId: 'odense', name: 'Odense', sector: 'authority' })
        .thenBreaks('partner-joins-once');
    });

    it('with a date that exists', () => {
      partner
        .given([])
        .when({
          type: 'JoinAlliance',
          partnerId: 'x',
          name: 'X',
          sector: 'foundation',
          occurredAt: '2019-02-30',
        })
        .thenInvalid('occurredAt', 'iso-date');
    });
  });

  describe('is renamed', () => {
    it('keeping the previous name in the event (Metropol became Københavns Professionshøjskole)', () => {
      partner
        .given([{ ...joined, data: { ...joined.data, name: 'Metropol' } }])
        .when({
          type: 'RenamePartner',
          partnerId: 'odense',
          name: 'Københavns Professionshøjskole',
          occurredAt: '2018-01-01',
        })
        .then([
          {
            type: 'PartnerRenamed',
            occurredAt: at('2018-01-01'),
            data: {
              partnerId: 'odense',
              previousName: 'Metropol',
              name: 'Københavns Professionshøjskole',
            },
          },
        ]);
    });

    it('only to a different name', () => {
      partner
        .given([joined])
        .when({ type: 'RenamePartner', partnerId: 'odense', name: 'Odense Kommune' })
        .thenBreaks('revision-must-change-something');
    });

    it('only when known', () => {
      partner
        .given([])
        .when({ type: 'RenamePartner', partnerId: 'odense', name: 'Odense' })
        .thenNotFound('partner', 'odense');
    });
  });

  describe('leaves the alliance', () => {
    it('and its active declaration and open commitments are withdrawn with it', () => {
      const state = partner
        .given([joined, drafted, signed, commitment])
        .when({ type: 'LeaveAlliance', partnerId: 'odense', occurredAt: '2020-01-01' })
        .then([
          left,
          {
            type: 'PartnershipDeclarationWithdrawn',
            occurredAt: at('2020-01-01'),
            data: { partnerId: 'odense', declarationId: 'd1', reason: LEFT_THE_ALLIANCE },
          },
          {
            type: 'CommitmentWithdrawn',
            occurredAt: at('2020-01-01'),
            data: { partnerId: 'odense', commitmentId: 'c1', reason: LEFT_THE_ALLIANCE },
          },
        ]);
      expect(state.status).toBe('former');
      expect(state.memberships).toEqual([{ joinedAt: at('2018-03-01'), leftAt: at('2020-01-01') }]);
    });

    it('only while a partner (leave-needs-membership)', () => {
      partner
        .given([joined, left])
        .when({ type: 'LeaveAlliance', partnerId: 'odense' })
        .thenBreaks('leave-needs-membership');
    });

    it('only when known', () => {
      partner
        .given([])
        .when({ type: 'LeaveAlliance', partnerId: 'odense' })
        .thenNotFound('partner', 'odense');
    });
  });

  describe('rejoins the alliance', () => {
    it('after leaving, starting a new spell of membership', () => {
      const state = partner
        .given([joined, left])
        .when({ type: 'RejoinAlliance', partnerId: 'odense', occurredAt: '2021-06-01' })
        .then([
          { type: 'PartnerRejoined', occurredAt: at('2021-06-01'), data: { partnerId: 'odense' } },
        ]);
      expect(state.status).toBe('member');
      expect(state.memberships).toHaveLength(2);
    });

    it('only after leaving (rejoin-needs-former-partner)', () => {
      partner
        .given([joined])
        .when({ type: 'RejoinAlliance', partnerId: 'odense' })
        .thenBreaks('rejoin-needs-former-partner');
    });
  });

  describe('drafts a partnership declaration', () => {
    it('with purpose, contributions to the goal and to the alliance, and principles', () => {
      partner
        .given([joined])
        .when({
          type: 'DraftPartnershipDeclaration',
          partnerId: 'odense',
          declarationId: 'd1',
          ...content,
          occurredAt: '2018-09-01',
        })
        .then([drafted]);
    });

    it('that may still lack principles while it is a draft', () => {
      partner
        .given([joined])
        .when({
          type: 'DraftPartnershipDeclaration',
          partnerId: 'odense',
          declarationId: 'd1',
          purpose: 'Vi gør xx',
          occurredAt: '2018-09-01',
        })
        .then([
          {
            ...drafted,
            data: {
              ...drafted.data,
              content: {
                purpose: 'Vi gør xx',
                contributionsToGoal: [],
                contributionsToAlliance: [],
                principles: [],
              },
            },
          },
        ]);
    });

    it('with a purpose', () => {
      partner
        .given([joined])
        .when({
          type: 'DraftPartnershipDeclaration',
          partnerId: 'odense',
          declarationId: 'd1',
          purpose: '',
        })
        .thenInvalid('purpose', 'required');
    });

    it('with principles from the five partnership commitments', () => {
      partner
        .given([joined])
        .when({
          type: 'DraftPartnershipDeclaration',
          partnerId: 'odense',
          declarationId: 'd1',
          purpose: 'p',
          principles: ['housing-first', 'shelter-first' as never],
        })
        .thenInvalid('principles[1]', 'known-value');
    });

    it('only as a current partner (partner-must-be-member)', () => {
      partner
        .given([joined, left])
        .when({
          type: 'DraftPartnershipDeclaration',
          partnerId: 'odense',
          declarationId: 'd2',
          purpose: 'p',
        })
        .thenBreaks('partner-must-be-member');
    });

    it('under a new id (declaration-recorded-once)', () => {
      partner
        .given([
          joined,
          drafted,
          {
            type: 'PartnershipDeclarationWithdrawn',
            data: { partnerId: 'odense', declarationId: 'd1', reason: 'r' },
          },
        ])
        .when({
          type: 'DraftPartnershipDeclaration',
          partnerId: 'odense',
          declarationId: 'd1',
          purpose: 'p',
        })
        .thenBreaks('declaration-recorded-once');
    });

    it('only when no other declaration is draft or signed (one-active-declaration-per-partner)', () => {
      partner
        .given([joined, drafted, signed])
        .when({
          type: 'DraftPartnershipDeclaration',
          partnerId: 'odense',
          declarationId: 'd2',
          purpose: 'p',
        })
        .thenBreaks('one-active-declaration-per-partner');
    });
  });

  describe('signs a partnership declaration', () => {
    it('when the draft commits to all five principles', () => {
      const state = partner
        .given([joined, drafted])
        .when({
          type: 'SignPartnershipDeclaration',
          partnerId: 'odense',
          declarationId: 'd1',
          occurredAt: '2018-10-01',
        })
        .then([signed]);
      expect(state.declarations.d1).toMatchObject({ status: 'signed', signedVersion: 1 });
    });

    it('never without every principle (declaration-commits-to-every-principle)', () => {
      const withoutDataSharing = {
        ...drafted,
        data: {
          ...drafted.data,
          content: {
            ...content,
            principles: content.principles.filter((p) => p !== 'data-driven-work'),
          },
        },
      };
      partner
        .given([joined, withoutDataSharing])
        .when({ type: 'SignPartnershipDeclaration', partnerId: 'odense', declarationId: 'd1' })
        .thenBreaks('declaration-commits-to-every-principle');
    });

    it('only once, as a draft (signing-needs-a-draft)', () => {
      partner
        .given([joined, drafted, signed])
        .when({ type: 'SignPartnershipDeclaration', partnerId: 'odense', declarationId: 'd1' })
        .thenBreaks('signing-needs-a-draft');
    });

    it('only when the declaration exists', () => {
      partner
        .given([joined])
        .when({ type: 'SignPartnershipDeclaration', partnerId: 'odense', declarationId: 'd9' })
        .thenNotFound('partnership declaration', 'd9');
    });
  });

  describe('revises a partnership declaration', () => {
    const revised = {
      ...content,
      contributionsToGoal: ['18 dorm places', '5 homes in the common housing sector'],
    };

    it('as a new version, keeping the earlier one', () => {
      const state = partner
        .given([joined, drafted, signed])
        .when({
          type: 'RevisePartnershipDeclaration',
          partnerId: 'odense',
          declarationId: 'd1',
          ...revised,
          reason: 'Expectations re-aligned',
          occurredAt: '2019-05-01',
        })
        .then([
          {
            type: 'PartnershipDeclarationRevised',
            occurredAt: at('2019-05-01'),
            data: {
              partnerId: 'odense',
              declarationId: 'd1',
              version: 2,
              content: revised,
              reason: 'Expectations re-aligned',
            },
          },
        ]);
      expect(state.declarations.d1).toMatchObject({
        status: 'signed',
        version: 2,
        signedVersion: 1,
      });
      expect(state.declarations.d1.previousVersions).toEqual([{ version: 1, content }]);
    });

    it('but a signed one keeps every principle (declaration-commits-to-every-principle)', () => {
      partner
        .given([joined, drafted, signed])
        .when({
          type: 'RevisePartnershipDeclaration',
          partnerId: 'odense',
          declarationId: 'd1',
          ...content,
          principles: ['housing-first'],
        })
        .thenBreaks('declaration-commits-to-every-principle');
    });

    it('only with a change (revision-must-change-something)', () => {
      partner
        .given([joined, drafted])
        .when({
          type: 'RevisePartnershipDeclaration',
          partnerId: 'odense',
          declarationId: 'd1',
          ...content,
        })
        .thenBreaks('revision-must-change-something');
    });

    it('never once withdrawn (withdrawn-declaration-is-closed)', () => {
      partner
        .given([
          joined,
          drafted,
          {
            type: 'PartnershipDeclarationWithdrawn',
            data: { partnerId: 'odense', declarationId: 'd1', reason: 'r' },
          },
        ])
        .when({
          type: 'RevisePartnershipDeclaration',
          partnerId: 'odense',
          declarationId: 'd1',
          ...revised,
        })
        .thenBreaks('withdrawn-declaration-is-closed');
    });
  });

  describe('withdraws a partnership declaration', () => {
    it('with a reason', () => {
      const state = partner
        .given([joined, drafted, signed])
        .when({
          type: 'WithdrawPartnershipDeclaration',
          partnerId: 'odense',
          declarationId: 'd1',
          reason: 'Replaced by a new declaration',
          occurredAt: '2021-01-01',
        })
        .then([
          {
            type: 'PartnershipDeclarationWithdrawn',
            occurredAt: at('2021-01-01'),
            data: {
              partnerId: 'odense',
              declarationId: 'd1',
              reason: 'Replaced by a new declaration',
            },
          },
        ]);
      expect(state.declarations.d1.status).toBe('withdrawn');
    });

    it('only with a reason', () => {
      partner
        .given([joined, drafted])
        .when({
          type: 'WithdrawPartnershipDeclaration',
          partnerId: 'odense',
          declarationId: 'd1',
          reason: ' ',
        })
        .thenInvalid('reason', 'required');
    });

    it('only once (withdrawn-declaration-is-closed)', () => {
      partner
        .given([
          joined,
          drafted,
          {
            type: 'PartnershipDeclarationWithdrawn',
            data: { partnerId: 'odense', declarationId: 'd1', reason: 'r' },
          },
        ])
        .when({
          type: 'WithdrawPartnershipDeclaration',
          partnerId: 'odense',
          declarationId: 'd1',
          reason: 'r',
        })
        .thenBreaks('withdrawn-declaration-is-closed');
    });
  });

  describe('makes a commitment', () => {
    it('with a measurable target and a due date', () => {
      partner
        .given([joined, drafted, signed])
        .when({
          type: 'MakeCommitment',
          partnerId: 'odense',
          commitmentId: 'c1',
          declarationId: 'd1',
          description: 'Rooms reserved in the dorms in Odense',
          target: { quantity: 9, unit: 'dorm rooms' },
          dueOn: '2019-12-31',
          occurredAt: '2018-10-01',
        })
        .then([commitment]);
    });

    it('with a target above zero', () => {
      partner
        .given([joined])
        .when({
          type: 'MakeCommitment',
          partnerId: 'odense',
          commitmentId: 'c1',
          description: 'd',
          target: { quantity: 0, unit: 'rooms' },
          dueOn: '2019-12-31',
        })
        .thenInvalid('target.quantity', 'positive-number');
    });

    it('with a real due date', () => {
      partner
        .given([joined])
        .when({
          type: 'MakeCommitment',
          partnerId: 'odense',
          commitmentId: 'c1',
          description: 'd',
          target: { quantity: 3, unit: 'rooms' },
          dueOn: '2019-13-01',
        })
        .thenInvalid('dueOn', 'iso-date');
    });

    it('tied only to a declaration that exists', () => {
      partner
        .given([joined])
        .when({
          type: 'MakeCommitment',
          partnerId: 'odense',
          commitmentId: 'c1',
          declarationId: 'd9',
          description: 'd',
          target: { quantity: 3, unit: 'rooms' },
          dueOn: '2019-12-01',
        })
        .thenNotFound('partnership declaration', 'd9');
    });

    it('under a new id (commitment-recorded-once)', () => {
      partner
        .given([joined, drafted, signed, commitment])
        .when({ ...commitment.data, type: 'MakeCommitment' })
        .thenBreaks('commitment-recorded-once');
    });

    it('only as a current partner (partner-must-be-member)', () => {
      partner
        .given([joined, left])
        .when({ ...commitment.data, declarationId: null, type: 'MakeCommitment' })
        .thenBreaks('partner-must-be-member');
    });
  });

  describe('fulfils a commitment', () => {
    it('while it is open', () => {
      const state = partner
        .given([joined, drafted, signed, commitment])
        .when({
          type: 'FulfilCommitment',
          partnerId: 'odense',
          commitmentId: 'c1',
          occurredAt: '2019-11-01',
        })
        .then([
          {
            type: 'CommitmentFulfilled',
            occurredAt: at('2019-11-01'),
            data: { partnerId: 'odense', commitmentId: 'c1', note: null },
          },
        ]);
      expect(state.commitments.c1.status).toBe('fulfilled');
    });

    it('only once (commitment-must-be-open)', () => {
      partner
        .given([
          joined,
          commitment,
          {
            type: 'CommitmentFulfilled',
            data: { partnerId: 'odense', commitmentId: 'c1', note: null },
          },
        ])
        .when({ type: 'FulfilCommitment', partnerId: 'odense', commitmentId: 'c1' })
        .thenBreaks('commitment-must-be-open');
    });

    it('only when the commitment exists', () => {
      partner
        .given([joined])
        .when({ type: 'FulfilCommitment', partnerId: 'odense', commitmentId: 'c9' })
        .thenNotFound('commitment', 'c9');
    });
  });

  describe('revises a commitment', () => {
    it('with a new target or date and a reason', () => {
      const state = partner
        .given([joined, commitment])
        .when({
          type: 'ReviseCommitment',
          partnerId: 'odense',
          commitmentId: 'c1',
          target: { quantity: 12, unit: 'dorm rooms' },
          dueOn: '2020-06-30',
          reason: 'A new dorm opened',
          occurredAt: '2019-03-01',
        })
        .then([
          {
            type: 'CommitmentRevised',
            occurredAt: at('2019-03-01'),
            data: {
              partnerId: 'odense',
              commitmentId: 'c1',
              previousTarget: { quantity: 9, unit: 'dorm rooms' },
              previousDueOn: '2019-12-31',
              target: { quantity: 12, unit: 'dorm rooms' },
              dueOn: '2020-06-30',
              reason: 'A new dorm opened',
            },
          },
        ]);
      expect(state.commitments.c1.target.quantity).toBe(12);
    });

    it('only with a reason', () => {
      partner
        .given([joined, commitment])
        .when({
          type: 'ReviseCommitment',
          partnerId: 'odense',
          commitmentId: 'c1',
          target: { quantity: 12, unit: 'dorm rooms' },
          dueOn: '2020-06-30',
          reason: '',
        })
        .thenInvalid('reason', 'required');
    });

    it('only with a change (revision-must-change-something)', () => {
      partner
        .given([joined, commitment])
        .when({
          type: 'ReviseCommitment',
          partnerId: 'odense',
          commitmentId: 'c1',
          target: { quantity: 9, unit: 'dorm rooms' },
          dueOn: '2019-12-31',
          reason: 'r',
        })
        .thenBreaks('revision-must-change-something');
    });

    it('only while open (commitment-must-be-open)', () => {
      partner
        .given([
          joined,
          commitment,
          {
            type: 'CommitmentWithdrawn',
            data: { partnerId: 'odense', commitmentId: 'c1', reason: 'r' },
          },
        ])
        .when({
          type: 'ReviseCommitment',
          partnerId: 'odense',
          commitmentId: 'c1',
          target: { quantity: 12, unit: 'dorm rooms' },
          dueOn: '2020-06-30',
          reason: 'r',
        })
        .thenBreaks('commitment-must-be-open');
    });
  });

  describe('withdraws a commitment', () => {
    it('with a reason', () => {
      const state = partner
        .given([joined, commitment])
        .when({
          type: 'WithdrawCommitment',
          partnerId: 'odense',
          commitmentId: 'c1',
          reason: 'The dorm was sold',
          occurredAt: '2019-06-01',
        })
        .then([
          {
            type: 'CommitmentWithdrawn',
            occurredAt: at('2019-06-01'),
            data: { partnerId: 'odense', commitmentId: 'c1', reason: 'The dorm was sold' },
          },
        ]);
      expect(state.commitments.c1.status).toBe('withdrawn');
    });

    it('only with a reason', () => {
      partner
        .given([joined, commitment])
        .when({ type: 'WithdrawCommitment', partnerId: 'odense', commitmentId: 'c1', reason: '' })
        .thenInvalid('reason', 'required');
    });
  });
});
