import { Inject, Injectable } from '@nestjs/common';
import { NotFoundInDomain } from '@ledger/domain';
import { READ_MODEL_SCHEMA } from '@ledger/read-models';
import { Queryable, ReadModelQueries } from './query-pools';

const PARTNER_COLUMNS = `p.partner_id AS "partnerId", p.name, p.sector, p.municipality, p.status,
  p.joined_at AS "joinedAt", p.left_at AS "leftAt"`;

/** Partners with their declarations and commitments; initiatives with homes counted against them. */
@Injectable()
export class PartnersService {
  constructor(
    @Inject(ReadModelQueries) private readonly db: Queryable,
    @Inject(READ_MODEL_SCHEMA) private readonly schema: string,
  ) {}

  list(filter: { sector?: string; status?: string }) {
    return this.db.query(
      `SELECT ${PARTNER_COLUMNS},
              d.declaration_id AS "declarationId", d.status AS "declarationStatus", d.signed_at AS "declarationSignedAt",
              (SELECT count(*)::int FROM ${this.schema}.partner_commitment c WHERE c.partner_id = p.partner_id AND c.status = 'open') AS "openCommitments"
         FROM ${this.schema}.partner p
         LEFT JOIN LATERAL (SELECT * FROM ${this.schema}.partnership_declaration d
                             WHERE d.partner_id = p.partner_id ORDER BY d.drafted_at DESC LIMIT 1) d ON true
        WHERE ($1::text IS NULL OR p.sector = $1) AND ($2::text IS NULL OR p.status = $2)
        ORDER BY p.name`,
      [filter.sector ?? null, filter.status ?? null],
    );
  }

  async one(partnerId: string) {
    const [partner] = await this.db.query(
      `SELECT ${PARTNER_COLUMNS}, p.history FROM ${this.schema}.partner p WHERE p.partner_id = $1`,
      [partnerId],
    );
    if (!partner) throw new NotFoundInDomain('partner', partnerId);
    const declarations = await this.db.query(
      `SELECT declaration_id AS "declarationId", status, version, signed_version AS "signedVersion", content,
              drafted_at AS "draftedAt", signed_at AS "signedAt", withdrawn_at AS "withdrawnAt", history
         FROM ${this.schema}.partnership_declaration WHERE partner_id = $1 ORDER BY drafted_at`,
      [partnerId],
    );
    const commitments = await this.db.query(
      `SELECT commitment_id AS "commitmentId", declaration_id AS "declarationId", description,
              target_quantity::float AS "targetQuantity", target_unit AS "targetUnit", due_on::text AS "dueOn", status, history
         FROM ${this.schema}.partner_commitment WHERE partner_id = $1 ORDER BY due_on, commitment_id`,
      [partnerId],
    );
    const current =
      [...declarations].reverse().find((d: { status: string }) => d.status !== 'withdrawn') ?? null;
    return { ...partner, currentDeclaration: current, declarations, commitments };
  }

  initiatives() {
    return this.db.query(
      `SELECT i.initiative_id AS "initiativeId", i.name, i.description, i.phase, i.target_quantity::float AS "targetQuantity",
              i.target_unit AS "targetUnit", i.lead_partner_ids AS "leadPartnerIds",
              i.participating_partner_ids AS "participatingPartnerIds", i.municipalities,
              coalesce((SELECT sum(t.homes) FROM ${this.schema}.housing_total t WHERE t.initiative_id = i.initiative_id), 0)::int AS "homesCounted"
         FROM ${this.schema}.initiative i ORDER BY i.launched_at, i.name`,
    );
  }

  async initiative(initiativeId: string) {
    const [initiative] = await this.db.query(
      `SELECT i.initiative_id AS "initiativeId", i.name, i.description, i.phase, i.target_quantity::float AS "targetQuantity",
              i.target_unit AS "targetUnit", i.lead_partner_ids AS "leadPartnerIds",
              i.participating_partner_ids AS "participatingPartnerIds", i.municipalities, i.launched_at AS "launchedAt",
              i.phase_history AS "phaseHistory", i.target_history AS "targetHistory", i.partner_history AS "partnerHistory",
              coalesce((SELECT sum(t.homes) FROM ${this.schema}.housing_total t WHERE t.initiative_id = i.initiative_id), 0)::int AS "homesCounted"
         FROM ${this.schema}.initiative i WHERE i.initiative_id = $1`,
      [initiativeId],
    );
    if (!initiative) throw new NotFoundInDomain('initiative', initiativeId);
    return initiative;
  }
}
