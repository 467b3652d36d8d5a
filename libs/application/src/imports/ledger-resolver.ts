import { streamIdForInitiative, streamIdForPartner } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { LIVE_READ_MODEL_SCHEMA } from '@ledger/read-models';
import type { DataSource } from 'typeorm';
import { ID_PATTERN } from '../commands/dto-fields';
import type { Reference } from '../recording/references';
import { folded, slugOf } from './cell-values';
import type { ImportResolver } from './import-plan';

/**
 * Partners, initiatives and persons by id or name. Names of partners and initiatives are looked
 * up in the read models (current names), ids in the log itself; a person only in the person
 * register, so no name is ever taken for an id.
 */
export class LedgerResolver implements ImportResolver {
  private readonly pending = {
    partner: new Map<string, string>(),
    initiative: new Map<string, string>(),
  };
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
  ) {}

  /** A partner or initiative created by an earlier row of the file (not yet in the log). */
  knowsPending(reference: Reference): boolean {
    const id = folded(reference.id);
    if (reference.kind === 'partner' || reference.kind === 'organisation')
      return this.pending.partner.has(id);
    return reference.kind === 'initiative' && this.pending.initiative.has(id);
  }

  addPending(what: 'partner' | 'initiative', id: string, name: string): void {
    this.pending[what].set(folded(id), id);
    this.pending[what].set(folded(name), id);
  }

  partner(value: string): Promise<string | undefined> {
    const pending = this.pending.partner.get(folded(value));
    if (pending) return Promise.resolve(pending);
    return this.cached(`partner:${folded(value)}`, () =>
      this.find(value, 'partner', streamIdForPartner),
    );
  }

  initiative(value: string): Promise<string | undefined> {
    const pending = this.pending.initiative.get(folded(value));
    if (pending) return Promise.resolve(pending);
    return this.cached(`initiative:${folded(value)}`, () =>
      this.find(value, 'initiative', streamIdForInitiative),
    );
  }

  person(value: string): Promise<{ personId: string } | { problem: string; rule: string }> {
    return this.cached(`person:${value}`, async () => {
      const rows: Array<{ person_id: string; by_id: boolean }> = await this.db.query(
        `SELECT person_id, person_id = $1 AS by_id FROM personal_data.persons
          WHERE erased_at IS NULL AND name IS NOT NULL AND (person_id = $1 OR lower(name) = lower($1))`,
        [value],
      );
      const byId = rows.find((r) => r.by_id);
      if (byId) return { personId: byId.person_id };
      if (rows.length === 1) return { personId: rows[0].person_id };
      if (rows.length > 1) {
        return {
          rule: 'one-person',
          problem: `${rows.length} persons in the person register have this name; give the person id`,
        };
      }
      // Ids in the seed's form (`person-0001`, or `person-<uuid>` from POST /persons) are ids
      // even when no name is registered for them; anything else would be a name.
      if (/^person-[A-Za-z0-9-]{1,93}$/.test(value)) return { personId: value };
      return {
        rule: 'registered-person',
        problem:
          'is not in the person register: register the person first (POST /persons) and give the person id or the name exactly as registered',
      };
    });
  }

  streamExists(streamId: string): Promise<boolean> {
    return this.cached(
      `stream:${streamId}`,
      async () => (await this.store.readStream(streamId, { limit: 1 })).length > 0,
    );
  }

  private async find(
    value: string,
    table: 'partner' | 'initiative',
    streamIdOf: (id: string) => string,
  ): Promise<string | undefined> {
    if (ID_PATTERN.test(value) && (await this.streamExists(streamIdOf(value)))) return value;
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT ${table}_id AS id FROM ${LIVE_READ_MODEL_SCHEMA}.${table} WHERE lower(name) = lower($1)`,
      [value],
    );
    if (rows.length === 1) return rows[0].id;
    const slug = slugOf(value);
    if (slug && slug !== value && (await this.streamExists(streamIdOf(slug)))) return slug;
    return undefined;
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    let found = this.cache.get(key) as Promise<T> | undefined;
    if (!found) {
      found = load();
      this.cache.set(key, found);
    }
    return found;
  }
}
