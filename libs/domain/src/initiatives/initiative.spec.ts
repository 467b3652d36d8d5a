import { scenario } from '../testing/given-when-then';
import { initiativeAggregate } from './initiative.aggregate';
import { streamIdForInitiative } from './initiative.decide';
import type { InitiativeLaunched, InitiativeMovedToPhase } from './initiative.events';

const initiative = scenario(initiativeAggregate);
const at = (day: string) => `${day}T00:00:00.000Z`;

const launched: InitiativeLaunched = {
  type: 'InitiativeLaunched',
  occurredAt: at('2017-09-01'),
  data: {
    initiativeId: 'bo-sammen',
    name: 'Kollegiemodellen (Bo Sammen)',
    description: 'Dorms reserve 10-20 % of their rooms for homeless young people',
    leadPartnerIds: ['bikubenfonden'],
    participatingPartnerIds: ['kobenhavns-kommune', 'odense-kommune'],
    municipalities: ['København', 'Odense'],
    target: { quantity: 100, unit: 'homes' },
    phase: 'idea',
  },
};
const concluded: InitiativeMovedToPhase = {
  type: 'InitiativeMovedToPhase',
  occurredAt: at('2025-12-31'),
  data: { initiativeId: 'bo-sammen', previousPhase: 'operating', phase: 'concluded' },
};

describe('an initiative', () => {
  it('lives in the stream initiative-<initiativeId>', () => {
    expect(streamIdForInitiative('bo-sammen')).toBe('initiative-bo-sammen');
  });

  describe('is launched', () => {
    it('with lead and participating partners, municipalities, a description and a target', () => {
      const state = initiative
        .given([])
        .when({
          type: 'LaunchInitiative',
          initiativeId: 'bo-sammen',
          name: 'Kollegiemodellen (Bo Sammen)',
          description: 'Dorms reserve 10-20 % of their rooms for homeless young people',
          leadPartnerIds: ['bikubenfonden'],
          participatingPartnerIds: ['kobenhavns-kommune', 'odense-kommune'],
          municipalities: ['København', 'Odense'],
          target: { quantity: 100, unit: 'homes' },
          occurredAt: '2017-09-01',
        })
        .then([launched]);
      expect(state.partners).toEqual({
        bikubenfonden: 'lead',
        'kobenhavns-kommune': 'participant',
        'odense-kommune': 'participant',
      });
    });

    it('with a target of young people reached, in a later phase (Hjem til Dig)', () => {
      initiative
        .given([])
        .when({
          type: 'LaunchInitiative',
          initiativeId: 'hjem-til-dig',
          name: 'Hjem til Dig',
          description: 'Volunteer hosts house a young person for 3-6 months',
          leadPartnerIds: ['rode-kors', 'ungdommens-rode-kors'],
          municipalities: ['København', 'Aarhus'],
          target: { quantity: 60, unit: 'young-people-reached' },
          phase: 'pilot',
          occurredAt: '2018-06-01',
        })
        .then([
          {
            type: 'InitiativeLaunched',
            occurredAt: at('2018-06-01'),
            data: {
              initiativeId: 'hjem-til-dig',
              name: 'Hjem til Dig',
              description: 'Volunteer hosts house a young person for 3-6 months',
              leadPartnerIds: ['rode-kors', 'ungdommens-rode-kors'],
              participatingPartnerIds: [],
              municipalities: ['København', 'Aarhus'],
              target: { quantity: 60, unit: 'young-people-reached' },
              phase: 'pilot',
            },
          },
        ]);
    });

    it('once (initiative-launched-once)', () => {
      initiative
        .given([launched])
        .when({ ...launched.data, type: 'LaunchInitiative' })
        .thenBreaks('initiative-launched-once');
    });

    it('with at least one lead partner (initiative-needs-a-lead-partner)', () => {
      initiative
        .given([])
        .when({ ...launched.data, type: 'LaunchInitiative', leadPartnerIds: [] })
        .thenBreaks('initiative-needs-a-lead-partner');
    });

    it('naming each partner once (partner-once-per-initiative)', () => {
      initiative
        .given([])
        .when({
          ...launched.data,
          type: 'LaunchInitiative',
          participatingPartnerIds: ['bikubenfonden'],
        })
        .thenBreaks('partner-once-per-initiative');
    });

    it('with a target in whole numbers above zero', () => {
      initiative
        .given([])
        .when({
          ...launched.data,
          type: 'LaunchInitiative',
          target: { quantity: 2.5, unit: 'homes' },
        })
        .thenInvalid('target.quantity', 'whole-number-above-zero');
    });

    it('with a target counted in homes or young people reached', () => {
      initiative
        .given([])
        .when({
          ...launched.data,
          type: 'LaunchInitiative',
          target: { quantity: 5, unit: 'beds' as never },
        })
        .thenInvalid('target.unit', 'known-value');
    });
  });

  describe('moves to a phase', () => {
    it('forward, possibly skipping phases', () => {
      const state = initiative
        .given([launched])
        .when({
          type: 'MoveInitiativeToPhase',
          initiativeId: 'bo-sammen',
          phase: 'scaling',
          occurredAt: '2019-01-01',
        })
        .then([
          {
            type: 'InitiativeMovedToPhase',
            occurredAt: at('2019-01-01'),
            data: { initiativeId: 'bo-sammen', previousPhase: 'idea', phase: 'scaling' },
          },
        ]);
      expect(state.phase).toBe('scaling');
    });

    it('never backward or to the same phase (phases-move-forward)', () => {
      initiative
        .given([launched])
        .when({ type: 'MoveInitiativeToPhase', initiativeId: 'bo-sammen', phase: 'idea' })
        .thenBreaks('phases-move-forward');
    });

    it('among the known phases', () => {
      initiative
        .given([launched])
        .when({
          type: 'MoveInitiativeToPhase',
          initiativeId: 'bo-sammen',
          phase: 'paused' as never,
        })
        .thenInvalid('phase', 'known-value');
    });

    it('never once concluded (concluded-initiative-is-closed)', () => {
      initiative
        .given([launched, concluded])
        .when({ type: 'MoveInitiativeToPhase', initiativeId: 'bo-sammen', phase: 'concluded' })
        .thenBreaks('concluded-initiative-is-closed');
    });

    it('only when launched', () => {
      initiative
        .given([])
        .when({ type: 'MoveInitiativeToPhase', initiativeId: 'bo-sammen', phase: 'pilot' })
        .thenNotFound('initiative', 'bo-sammen');
    });
  });

  describe('revises its target', () => {
    it('with a reason', () => {
      const state = initiative
        .given([launched])
        .when({
          type: 'ReviseInitiativeTarget',
          initiativeId: 'bo-sammen',
          target: { quantity: 150, unit: 'homes' },
          reason: 'Five more dorms joined',
          occurredAt: '2020-01-01',
        })
        .then([
          {
            type: 'InitiativeTargetRevised',
            occurredAt: at('2020-01-01'),
            data: {
              initiativeId: 'bo-sammen',
              previousTarget: { quantity: 100, unit: 'homes' },
              target: { quantity: 150, unit: 'homes' },
              reason: 'Five more dorms joined',
            },
          },
        ]);
      expect(state.target).toEqual({ quantity: 150, unit: 'homes' });
    });

    it('only with a reason', () => {
      initiative
        .given([launched])
        .when({
          type: 'ReviseInitiativeTarget',
          initiativeId: 'bo-sammen',
          target: { quantity: 150, unit: 'homes' },
          reason: '',
        })
        .thenInvalid('reason', 'required');
    });

    it('only to a different target (revision-must-change-something)', () => {
      initiative
        .given([launched])
        .when({
          type: 'ReviseInitiativeTarget',
          initiativeId: 'bo-sammen',
          target: { quantity: 100, unit: 'homes' },
          reason: 'r',
        })
        .thenBreaks('revision-must-change-something');
    });

    it('never once concluded (concluded-initiative-is-closed)', () => {
      initiative
        .given([launched, concluded])
        .when({
          type: 'ReviseInitiativeTarget',
          initiativeId: 'bo-sammen',
          target: { quantity: 150, unit: 'homes' },
          reason: 'r',
        })
        .thenBreaks('concluded-initiative-is-closed');
    });
  });

  describe('partners', () => {
    it('join as lead or participant', () => {
      const state = initiative
        .given([launched])
        .when({
          type: 'JoinInitiative',
          initiativeId: 'bo-sammen',
          partnerId: 'lauritzen-fonden',
          role: 'participant',
          occurredAt: '2018-03-01',
        })
        .then([
          {
            type: 'PartnerJoinedInitiative',
            occurredAt: at('2018-03-01'),
            data: { initiativeId: 'bo-sammen', partnerId: 'lauritzen-fonden', role: 'participant' },
          },
        ]);
      expect(state.partners['lauritzen-fonden']).toBe('participant');
    });

    it('join once at a time (partner-once-per-initiative)', () => {
      initiative
        .given([launched])
        .when({
          type: 'JoinInitiative',
          initiativeId: 'bo-sammen',
          partnerId: 'odense-kommune',
          role: 'lead',
        })
        .thenBreaks('partner-once-per-initiative');
    });

    it('leave, and stay in the initiative’s history', () => {
      const state = initiative
        .given([launched])
        .when({
          type: 'LeaveInitiative',
          initiativeId: 'bo-sammen',
          partnerId: 'odense-kommune',
          occurredAt: '2021-01-01',
        })
        .then([
          {
            type: 'PartnerLeftInitiative',
            occurredAt: at('2021-01-01'),
            data: { initiativeId: 'bo-sammen', partnerId: 'odense-kommune', reason: null },
          },
        ]);
      expect(state.partners['odense-kommune']).toBeUndefined();
      expect(state.participationHistory.find((s) => s.partnerId === 'odense-kommune')?.leftAt).toBe(
        at('2021-01-01'),
      );
    });

    it('leave only when taking part (leaving-initiative-needs-participation)', () => {
      initiative
        .given([launched])
        .when({ type: 'LeaveInitiative', initiativeId: 'bo-sammen', partnerId: 'kab' })
        .thenBreaks('leaving-initiative-needs-participation');
    });

    it('leave the lead only to another lead partner (initiative-needs-a-lead-partner)', () => {
      initiative
        .given([launched])
        .when({ type: 'LeaveInitiative', initiativeId: 'bo-sammen', partnerId: 'bikubenfonden' })
        .thenBreaks('initiative-needs-a-lead-partner');
    });

    it('join nothing once concluded (concluded-initiative-is-closed)', () => {
      initiative
        .given([launched, concluded])
        .when({
          type: 'JoinInitiative',
          initiativeId: 'bo-sammen',
          partnerId: 'kab',
          role: 'participant',
        })
        .thenBreaks('concluded-initiative-is-closed');
    });
  });
});
