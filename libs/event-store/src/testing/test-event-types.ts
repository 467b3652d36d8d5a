import { EventTypeRegistry } from '../registry/event-type-registry';

/**
 * Event types for the contract suite, shaped like the alliance's own: a housing count in version
 * 1 held `homes`; version 2 renamed it `count` and added `permanent`.
 */
export function contractRegistry(housingSchema: 1 | 2 = 1): EventTypeRegistry {
  return new EventTypeRegistry([
    { type: 'PartnerJoined', schemaVersion: 1 },
    { type: 'BoardMemberElected', schemaVersion: 1 },
    housingSchema === 1
      ? { type: 'HomesReported', schemaVersion: 1 }
      : {
          type: 'HomesReported',
          schemaVersion: 2,
          upcasters: {
            1: (data) => {
              const { homes, ...rest } = data as { homes: number };
              return { ...rest, count: homes, permanent: true };
            },
          },
        },
  ]);
}
