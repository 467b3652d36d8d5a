import { Projection } from '../projection/projection';
import { AllianceProjection } from './alliance.projection';
import { GovernanceProjection } from './governance.projection';
import { HousingProjection } from './housing.projection';
import { InitiativesProjection } from './initiatives.projection';
import { PartnersProjection } from './partners.projection';

/** Every projection of the ledger, each with its own tables and checkpoint. */
export function ledgerProjections(): Projection[] {
  return [
    new AllianceProjection(),
    new PartnersProjection(),
    new InitiativesProjection(),
    new HousingProjection(),
    new GovernanceProjection(),
  ];
}
