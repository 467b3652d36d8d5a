import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LIVE_READ_MODEL_SCHEMA } from '@ledger/read-models';
import type { PersonContact } from './person.entity';

/** What the ledger shows for a person id. */
export type PersonView =
  | { personId: string; name: string; contact?: PersonContact | null }
  | { personId: string; erased: true; label: string };

/** The id is registered already (erased or not): registering again would confuse two people. */
export class PersonAlreadyRegistered extends Error {
  constructor(readonly personId: string) {
    super(`person ${personId} is registered already`);
    this.name = 'PersonAlreadyRegistered';
  }
}

/**
 * Names and contact details behind person ids (schema `personal_data`). Governance events and
 * read models keep the ids; the names are joined in for display only, so forgetting a person
 * erases the name everywhere at once and leaves the log and its hash chain as they were.
 */
@Injectable()
export class PersonRegister {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async register(input: {
    personId?: string;
    name: string;
    contact?: PersonContact | null;
  }): Promise<string> {
    const personId = input.personId ?? `person-${randomUUID()}`;
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO personal_data.persons (person_id, name, contact) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO NOTHING RETURNING person_id`,
      [personId, input.name, input.contact ? JSON.stringify(input.contact) : null],
    );
    if (inserted.length === 0) throw new PersonAlreadyRegistered(personId);
    return personId;
  }

  /** The person, or undefined when the id was never registered. Erased: the label only. */
  async get(personId: string, withContact = false): Promise<PersonView | undefined> {
    const views = await this.lookup([personId], withContact);
    return views[personId];
  }

  /**
   * Display names for the ids given: the registered name, or for an erased person a label by
   * the seats they held ("a former board member"). Ids never registered are left out.
   */
  async names(personIds: Iterable<string | null | undefined>): Promise<Record<string, PersonView>> {
    const ids = [...new Set([...personIds].filter((id): id is string => !!id))];
    return ids.length ? this.lookup(ids, false) : {};
  }

  /**
   * Erases the name and contact details of a person (a data-protection request). The row keeps
   * the id and when it was erased; the events and read models, which never held the name, are
   * untouched. The table is then rewritten (VACUUM FULL) so the old row versions are gone from
   * its files too. Answers false for an id that was never registered.
   */
  async forget(personId: string): Promise<{ known: boolean; erasedAt?: string }> {
    const rows: Array<{ erased_at: Date }> = await this.db.query(
      // In a WITH, so the driver answers rows (a bare UPDATE answers [rows, count]).
      `WITH erased AS (
         UPDATE personal_data.persons SET name = NULL, contact = NULL, erased_at = coalesce(erased_at, now())
          WHERE person_id = $1 RETURNING erased_at)
       SELECT erased_at FROM erased`,
      [personId],
    );
    if (rows.length === 0) return { known: false };
    await this.db.query(`VACUUM FULL personal_data.persons`);
    return { known: true, erasedAt: new Date(rows[0].erased_at).toISOString() };
  }

  private async lookup(ids: string[], withContact: boolean): Promise<Record<string, PersonView>> {
    const rows: Array<{
      person_id: string;
      name: string | null;
      contact: PersonContact | null;
      erased_at: Date | null;
      bodies: string[] | null;
    }> = await this.db.query(
      `SELECT p.person_id, p.name, p.contact, p.erased_at,
              CASE WHEN p.erased_at IS NOT NULL THEN
                (SELECT array_agg(DISTINCT s.body) FROM ${LIVE_READ_MODEL_SCHEMA}.seat_period s WHERE s.person_id = p.person_id)
              END AS bodies
         FROM personal_data.persons p
        WHERE p.person_id = ANY($1::text[])`,
      [ids],
    );
    const views: Record<string, PersonView> = {};
    for (const row of rows) {
      views[row.person_id] =
        row.erased_at || row.name === null
          ? { personId: row.person_id, erased: true, label: formerLabel(row.bodies ?? []) }
          : {
              personId: row.person_id,
              name: row.name,
              ...(withContact ? { contact: row.contact } : {}),
            };
    }
    return views;
  }
}

/** How an erased person is shown: by the body they sat in, the board first. */
export function formerLabel(bodies: readonly string[]): string {
  if (bodies.includes('board')) return 'a former board member';
  if (bodies.includes('secretariat')) return 'a former member of the secretariat';
  if (bodies.includes('advisory-board')) return 'a former Advisory Board representative';
  return 'a former member';
}
