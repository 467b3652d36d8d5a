import { scenario } from '../testing/given-when-then';
import { organisationAggregate } from './organisation.aggregate';
import type { RegisterOrganisation } from './organisation.commands';
import { streamIdForOrganisation } from './organisation.decide';
import type { OrganisationRegistered } from './organisation.events';

const organisations = scenario(organisationAggregate);

const villum: RegisterOrganisation = {
  type: 'RegisterOrganisation',
  organisationId: 'villumfonden',
  name: 'Villumfonden',
  sector: 'foundation',
  occurredAt: '2017-08-01',
};
const registered: OrganisationRegistered = {
  type: 'OrganisationRegistered',
  occurredAt: '2017-08-01T00:00:00.000Z',
  data: { organisationId: 'villumfonden', name: 'Villumfonden', sector: 'foundation' },
};

describe('organisations that are not partners', () => {
  it('live in a stream of their own, organisation-<id>', () => {
    expect(streamIdForOrganisation('villumfonden')).toBe('organisation-villumfonden');
  });

  it('are registered with a name and a sector', () => {
    organisations.given().when(villum).then([registered]);
  });

  it('are registered once', () => {
    organisations.given([registered]).when(villum).thenBreaks('organisation-registered-once');
  });

  it('need a name and one of the sectors', () => {
    organisations
      .given()
      .when({ ...villum, name: ' ' })
      .thenInvalid('name', 'required');
    organisations
      .given()
      .when({ ...villum, sector: 'bank' as never })
      .thenInvalid('sector', 'known-value');
  });
});
