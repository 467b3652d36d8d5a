import { scenario } from '../testing/given-when-then';
import { grantAggregate } from './grant.aggregate';
import type { AwardGrant } from './grant.commands';
import { streamIdForGrant } from './grant.decide';
import type { GrantAwarded, GrantEnded } from './grant.events';

const grant = scenario(grantAggregate);
const at = (day: string) => `${day}T00:00:00.000Z`;

const award: AwardGrant = {
  type: 'AwardGrant',
  grantId: 'bikubenfonden-secretariat',
  funderOrganisationId: 'bikubenfonden',
  recipient: 'secretariat',
  amountDkkPerYear: 3_000_000,
  period: { startsOn: '2017-08-01', endsOn: '2021-12-31' },
  occurredAt: '2017-08-01',
};
const awarded: GrantAwarded = {
  type: 'GrantAwarded',
  occurredAt: at('2017-08-01'),
  data: {
    grantId: 'bikubenfonden-secretariat',
    funderOrganisationId: 'bikubenfonden',
    recipient: 'secretariat',
    initiativeId: null,
    amountDkkPerYear: 3_000_000,
    period: { startsOn: '2017-08-01', endsOn: '2021-12-31' },
  },
};
const ended: GrantEnded = {
  type: 'GrantEnded',
  data: { grantId: 'bikubenfonden-secretariat', endedOn: '2020-12-31', reason: null },
};

describe('a grant', () => {
  it('lives in its own stream, grant-<grantId>', () => {
    expect(streamIdForGrant('g1')).toBe('grant-g1');
  });

  describe('is awarded', () => {
    it('to the secretariat: DKK 3 million a year from Bikubenfonden until 2021', () => {
      grant.given([]).when(award).then([awarded]);
    });

    it('to an initiative, naming it', () => {
      grant
        .given([])
        .when({
          ...award,
          grantId: 'oak-hjem-til-dig',
          funderOrganisationId: 'oak-foundation',
          recipient: 'initiative',
          initiativeId: 'hjem-til-dig',
        })
        .then([
          {
            ...awarded,
            data: {
              ...awarded.data,
              grantId: 'oak-hjem-til-dig',
              funderOrganisationId: 'oak-foundation',
              recipient: 'initiative',
              initiativeId: 'hjem-til-dig',
            },
          },
        ]);
    });

    it('to an initiative only with its id', () => {
      grant
        .given([])
        .when({ ...award, recipient: 'initiative' })
        .thenInvalid('initiativeId', 'required');
    });

    it('in whole kroner above zero', () => {
      grant
        .given([])
        .when({ ...award, amountDkkPerYear: 0 })
        .thenInvalid('amountDkkPerYear', 'whole-number-above-zero');
    });

    it('for a period that does not end before it starts (period-ends-after-it-starts)', () => {
      grant
        .given([])
        .when({ ...award, period: { startsOn: '2021-01-01', endsOn: '2020-12-31' } })
        .thenInvalid('period.endsOn', 'period-ends-after-it-starts');
    });

    it('for a period of real dates', () => {
      grant
        .given([])
        .when({ ...award, period: { startsOn: '2021-02-29', endsOn: '2022-12-31' } })
        .thenInvalid('period.startsOn', 'iso-date');
    });

    it('once (grant-awarded-once)', () => {
      grant.given([awarded]).when(award).thenBreaks('grant-awarded-once');
    });
  });

  describe('is extended', () => {
    it('to a later end, keeping or changing the yearly amount', () => {
      const state = grant
        .given([awarded])
        .when({
          type: 'ExtendGrant',
          grantId: 'bikubenfonden-secretariat',
          endsOn: '2026-12-31',
          occurredAt: '2021-06-01',
        })
        .then([
          {
            type: 'GrantExtended',
            occurredAt: at('2021-06-01'),
            data: {
              grantId: 'bikubenfonden-secretariat',
              previousEndsOn: '2021-12-31',
              endsOn: '2026-12-31',
              previousAmountDkkPerYear: 3_000_000,
              amountDkkPerYear: 3_000_000,
            },
          },
        ]);
      expect(state.period?.endsOn).toBe('2026-12-31');
    });

    it('only to a later end (extension-lengthens-grant)', () => {
      grant
        .given([awarded])
        .when({ type: 'ExtendGrant', grantId: 'bikubenfonden-secretariat', endsOn: '2021-12-31' })
        .thenBreaks('extension-lengthens-grant');
    });

    it('never once ended (ended-grant-is-closed)', () => {
      grant
        .given([awarded, ended])
        .when({ type: 'ExtendGrant', grantId: 'bikubenfonden-secretariat', endsOn: '2026-12-31' })
        .thenBreaks('ended-grant-is-closed');
    });

    it('only when known', () => {
      grant
        .given([])
        .when({ type: 'ExtendGrant', grantId: 'g9', endsOn: '2026-12-31' })
        .thenNotFound('grant', 'g9');
    });
  });

  describe('is ended', () => {
    it('early, on a day within its period', () => {
      const state = grant
        .given([awarded])
        .when({ type: 'EndGrant', grantId: 'bikubenfonden-secretariat', occurredAt: '2020-12-31' })
        .then([{ ...ended, occurredAt: at('2020-12-31') }]);
      expect(state.status).toBe('ended');
    });

    it('never outside its period (grant-ends-within-its-period)', () => {
      grant
        .given([awarded])
        .when({ type: 'EndGrant', grantId: 'bikubenfonden-secretariat', occurredAt: '2022-06-01' })
        .thenBreaks('grant-ends-within-its-period');
    });

    it('once (ended-grant-is-closed)', () => {
      grant
        .given([awarded, ended])
        .when({ type: 'EndGrant', grantId: 'bikubenfonden-secretariat', occurredAt: '2021-01-01' })
        .thenBreaks('ended-grant-is-closed');
    });
  });
});
