import { randomUUID } from 'node:crypto';
import { AppendContext, NewEvent, RecordedEvent } from '../port/event-envelope';
import {
  ConcurrencyError,
  InvalidAppendError,
  UnknownEventTypeError,
} from '../port/event-store.errors';
import { EventStore } from '../port/event-store.port';
import { isSignatureValid } from '../hash-chain/signed-digest';
import { ContractHarness } from './contract-harness';
import { contractRegistry } from './test-event-types';

const secretariat = { id: 'user-secretariat-1', role: 'secretariat' };

function context(overrides: Partial<AppendContext> = {}): AppendContext {
  return { commandId: randomUUID(), actor: secretariat, ...overrides };
}

function joined(name: string): NewEvent {
  return { type: 'PartnerJoined', data: { name, sector: 'authority' } };
}

function reported(homes: number): NewEvent {
  return { type: 'HomesReported', data: { homes, municipality: 'Odense' } };
}

/**
 * The promises every EventStore adapter keeps, run against each adapter: PostgreSQL here, and
 * EventStoreDB wherever EVENTSTORE_CONNECTION_STRING is set.
 */
export function describeEventStoreContract(harness: ContractHarness): void {
  describe(`event store contract: ${harness.name}`, () => {
    const opened: EventStore[] = [];
    async function newStore(housingSchema: 1 | 2 = 1, sameLogAs?: EventStore): Promise<EventStore> {
      const store = await harness.createStore(contractRegistry(housingSchema), sameLogAs);
      opened.push(store);
      return store;
    }
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });
    afterAll(async () => {
      await harness.dispose?.();
    });

    describe('append and read a stream', () => {
      it('gives a new stream versions from 1 and records the whole envelope', async () => {
        const store = await newStore();
        const ctx = context({ correlationId: 'request-7', causationId: 'command-6' });
        const result = await store.append(
          'partner-odense',
          [joined('Odense Kommune'), { ...reported(18), occurredAt: '2018-05-15' }],
          'no_stream',
          ctx,
        );
        expect(result).toEqual({
          streamId: 'partner-odense',
          firstVersion: 1,
          lastVersion: 2,
          duplicate: false,
        });

        const events = await store.readStream('partner-odense');
        expect(events.map((e) => [e.streamVersion, e.type])).toEqual([
          [1, 'PartnerJoined'],
          [2, 'HomesReported'],
        ]);
        const [first, second] = events;
        expect(first.data).toEqual({ name: 'Odense Kommune', sector: 'authority' });
        expect(first.eventId).toMatch(/^[0-9a-f-]{36}$/);
        expect(first.schemaVersion).toBe(1);
        expect(first.actor).toEqual(secretariat);
        expect(first.commandId).toBe(ctx.commandId);
        expect(first.correlationId).toBe('request-7');
        expect(first.causationId).toBe('command-6');
        expect(first.streamHash).toMatch(/^[0-9a-f]{64}$/);
        // When it happened in the world may lie before when it was recorded.
        expect(second.occurredAt).toBe('2018-05-15T00:00:00.000Z');
        expect(Date.parse(second.recordedAt)).toBeGreaterThan(Date.parse('2026-01-01'));
        expect(first.occurredAt).toBe(first.recordedAt);
      });

      it('reads from a version, backwards and with a limit; an unknown stream is empty', async () => {
        const store = await newStore();
        await store.append(
          'initiative-bo-sammen',
          [reported(1), reported(2), reported(3), reported(4)],
          'any',
          context(),
        );
        const from3 = await store.readStream('initiative-bo-sammen', { from: 3 });
        expect(from3.map((e) => e.streamVersion)).toEqual([3, 4]);
        const lastTwo = await store.readStream('initiative-bo-sammen', {
          direction: 'backwards',
          limit: 2,
        });
        expect(lastTwo.map((e) => e.streamVersion)).toEqual([4, 3]);
        expect(await store.readStream('initiative-unknown')).toEqual([]);
      });
    });

    describe('expected version', () => {
      it('appends at the exact version and refuses a stale one, telling expected and actual', async () => {
        const store = await newStore();
        await store.append('governance-hta', [joined('a'), joined('b')], 'no_stream', context());
        await store.append('governance-hta', [joined('c')], 2, context());
        const stale = store.append('governance-hta', [joined('d')], 2, context());
        await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(stale).rejects.toMatchObject({
          streamId: 'governance-hta',
          expected: 2,
          actual: 3,
        });
        expect((await store.readStream('governance-hta')).map((e) => e.data)).toEqual([
          { name: 'a', sector: 'authority' },
          { name: 'b', sector: 'authority' },
          { name: 'c', sector: 'authority' },
        ]);
      });

      it('knows no_stream, stream_exists and any', async () => {
        const store = await newStore();
        await expect(
          store.append('partner-kab', [joined('KAB')], 'stream_exists', context()),
        ).rejects.toMatchObject({
          actual: null,
          expected: 'stream_exists',
        });
        await expect(
          store.append('partner-kab', [joined('KAB')], 5, context()),
        ).rejects.toMatchObject({ actual: null });
        await store.append('partner-kab', [joined('KAB')], 'no_stream', context());
        await expect(
          store.append('partner-kab', [joined('KAB')], 'no_stream', context()),
        ).rejects.toMatchObject({
          actual: 1,
          expected: 'no_stream',
        });
        await store.append('partner-kab', [joined('KAB')], 'stream_exists', context());
        await store.append('partner-kab', [joined('KAB')], 'any', context());
        await store.append('partner-new', [joined('new')], 'any', context());
        expect((await store.readStream('partner-kab')).length).toBe(3);
        expect((await store.readStream('partner-new')).length).toBe(1);
      });

      it('lets exactly one of many racing writers win each version', async () => {
        const store = await newStore();
        await store.append('governance-race', [joined('start')], 'no_stream', context());
        for (let version = 1; version <= 5; version++) {
          const writers = Array.from({ length: 12 }, (_, i) =>
            store.append('governance-race', [joined(`v${version}-writer${i}`)], version, context()),
          );
          const outcomes = await Promise.allSettled(writers);
          const won = outcomes.filter((o) => o.status === 'fulfilled');
          const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
          expect(won).toHaveLength(1);
          expect(lost).toHaveLength(11);
          for (const loss of lost) {
            expect(loss.reason).toBeInstanceOf(ConcurrencyError);
            expect(loss.reason).toMatchObject({ expected: version, actual: version + 1 });
          }
        }
        const events = await store.readStream('governance-race');
        expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6]);
      });

      it('lets exactly one of many writers create a stream with no_stream', async () => {
        const store = await newStore();
        const outcomes = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) =>
            store.append('partner-race', [joined(`p${i}`)], 'no_stream', context()),
          ),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect((await store.readStream('partner-race')).length).toBe(1);
      });
    });

    describe('idempotency by command id', () => {
      it('appends a repeated command once and answers it like the first time', async () => {
        const store = await newStore();
        const ctx = context();
        const first = await store.append('housing-report-1', [reported(18)], 'no_stream', ctx);
        // The retry carries a stale expected version: it must still be recognised, not refused.
        const again = await store.append('housing-report-1', [reported(18)], 'no_stream', ctx);
        expect(again).toEqual({ ...first, duplicate: true });
        expect(await store.readStream('housing-report-1')).toHaveLength(1);
      });

      it('writes once when the same command arrives many times at once', async () => {
        const store = await newStore();
        const ctx = context();
        const results = await Promise.all(
          Array.from({ length: 8 }, () =>
            store.append('housing-report-2', [reported(3), reported(4)], 'any', ctx),
          ),
        );
        expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
        expect(new Set(results.map((r) => `${r.firstVersion}-${r.lastVersion}`))).toEqual(
          new Set(['1-2']),
        );
        expect(await store.readStream('housing-report-2')).toHaveLength(2);
      });
    });

    describe('bad input is refused and nothing is written', () => {
      const cases: Array<[string, (store: EventStore) => Promise<unknown>, RegExp]> = [
        [
          'an empty batch',
          (s) => s.append('partner-x', [], 'any', context()),
          /^events: must hold at least one event/,
        ],
        [
          'an unknown event type',
          (s) =>
            s.append(
              'partner-x',
              [joined('a'), { type: 'PartnerTeleported', data: {} }],
              'any',
              context(),
            ),
          /unknown event type PartnerTeleported/,
        ],
        [
          'a function in the data',
          (s) =>
            s.append(
              'partner-x',
              [{ type: 'PartnerJoined', data: { name: () => 'x' } }],
              'any',
              context(),
            ),
          /events\[0\]\.data\.name: must be JSON-serialisable/,
        ],
        [
          'a bigint in the data',
          (s) =>
            s.append(
              'partner-x',
              [{ type: 'PartnerJoined', data: { n: BigInt(1) } }],
              'any',
              context(),
            ),
          /events\[0\]\.data\.n: must be JSON-serialisable/,
        ],
        [
          'NaN in the data',
          (s) =>
            s.append(
              'partner-x',
              [{ type: 'HomesReported', data: { homes: NaN } }],
              'any',
              context(),
            ),
          /data\.homes: must be a finite number/,
        ],
        [
          'a Date object in the data',
          (s) =>
            s.append(
              'partner-x',
              [{ type: 'PartnerJoined', data: { on: new Date() } }],
              'any',
              context(),
            ),
          /data\.on: must be a plain JSON object \(got Date\)/,
        ],
        [
          'a cycle in the data',
          (s) => {
            const data: Record<string, unknown> = {};
            data.self = data;
            return s.append('partner-x', [{ type: 'PartnerJoined', data }], 'any', context());
          },
          /must not refer to itself/,
        ],
        [
          'a NUL character',
          (s) =>
            s.append(
              'partner-x',
              [{ type: 'PartnerJoined', data: { name: 'a\u0000b' } }],
              'any',
              context(),
            ),
          /must not contain the NUL character/,
        ],
        [
          'a negative expected version',
          (s) => s.append('partner-x', [joined('a')], -1, context()),
          /^expectedVersion: must be/,
        ],
        [
          'a fractional expected version',
          (s) => s.append('partner-x', [joined('a')], 1.5, context()),
          /^expectedVersion: must be/,
        ],
        [
          'an empty stream name',
          (s) => s.append('', [joined('a')], 'any', context()),
          /^streamId: must not be empty/,
        ],
        [
          'a stream name too long',
          (s) => s.append('p'.repeat(201), [joined('a')], 'any', context()),
          /^streamId: must be at most 200 characters/,
        ],
        [
          'a missing command id',
          (s) => s.append('partner-x', [joined('a')], 'any', { commandId: '', actor: secretariat }),
          /^commandId: is required/,
        ],
        [
          'an impossible occurredAt',
          (s) =>
            s.append('partner-x', [{ ...joined('a'), occurredAt: '2019-02-30' }], 'any', context()),
          /occurredAt: must be an ISO 8601 date/,
        ],
      ];
      it.each(cases)('%s', async (_name, act, message) => {
        const store = await newStore();
        const before = await store.headPosition();
        const error = await act(store).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(Error);
        expect(error instanceof InvalidAppendError || error instanceof UnknownEventTypeError).toBe(
          true,
        );
        expect((error as Error).message).toMatch(message);
        expect(await store.readStream('partner-x')).toEqual([]);
        expect(await store.headPosition()).toBe(before);
      });
    });

    describe('the global order', () => {
      it('reads every event once, in order, in pages', async () => {
        const store = await newStore();
        for (let i = 0; i < 7; i++) {
          await store.append(
            `partner-${i % 3}`,
            [joined(`p${i}`), reported(i + 1)],
            'any',
            context(),
          );
        }
        const seen: RecordedEvent[] = [];
        let after = 0;
        for (;;) {
          const page = await store.readAll(after, 4);
          if (page.length === 0) break;
          seen.push(...page);
          after = page[page.length - 1].globalPosition!;
        }
        expect(seen).toHaveLength(14);
        const positions = seen.map((e) => e.globalPosition!);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        expect(new Set(positions).size).toBe(14);
        expect(seen.every((e) => /^[0-9a-f]{64}$/.test(e.globalHash ?? ''))).toBe(true);
        // Within a stream the global order keeps the stream's order.
        const partner0 = seen.filter((e) => e.streamId === 'partner-0').map((e) => e.streamVersion);
        expect(partner0).toEqual([1, 2, 3, 4, 5, 6]);
        expect(await store.headPosition()).toBe(positions[positions.length - 1]);
      });

      it('never passes over an event a slower transaction commits later', async () => {
        if (!harness.holdOpenAppend) return; // this adapter has no sequence gaps to fall into
        const store = await newStore();
        await store.append('partner-before', [joined('before')], 'any', context());
        const subscribed: RecordedEvent[] = [];
        const subscription = store.subscribe(0, async (batch) => {
          subscribed.push(...batch);
        });
        await subscription.caughtUp;
        const readDuringHold: RecordedEvent[] = [];
        await harness.holdOpenAppend(store, 'partner-slow', async () => {
          // Others commit while the slow transaction is open.
          await store.append('partner-fast-1', [joined('fast 1')], 'any', context());
          await store.append('partner-fast-2', [joined('fast 2')], 'any', context());
          readDuringHold.push(...(await store.readAll(0, 100)));
          await new Promise((resolve) => setTimeout(resolve, 300));
        });
        // While it was open, no reader got past it.
        expect(readDuringHold.map((e) => e.streamId)).toEqual(['partner-before']);
        const after = await store.readAll(
          readDuringHold[readDuringHold.length - 1].globalPosition!,
          100,
        );
        expect(after.map((e) => e.streamId).sort()).toEqual([
          'partner-fast-1',
          'partner-fast-2',
          'partner-slow',
        ]);
        // The slow transaction began first, so it takes its place before those that overtook it.
        expect(after[0].streamId).toBe('partner-slow');
        await waitFor(() => subscribed.length === 4);
        await subscription.stop();
        expect(subscribed.map((e) => e.globalPosition)).toEqual([1, 2, 3, 4]);
      });
    });

    describe('subscriptions', () => {
      it('catches up, goes live, and resumes from a checkpoint without repeats', async () => {
        const store = await newStore();
        await store.append('partner-a', [joined('a1'), joined('a2')], 'any', context());
        const received: RecordedEvent[] = [];
        let caughtUpCalls = 0;
        const subscription = store.subscribe(0, async (batch) => void received.push(...batch), {
          batchSize: 1,
          onCaughtUp: () => caughtUpCalls++,
        });
        await subscription.caughtUp;
        expect(received.map((e) => e.data)).toEqual([
          { name: 'a1', sector: 'authority' },
          { name: 'a2', sector: 'authority' },
        ]);
        await store.append('partner-b', [joined('b1')], 'any', context());
        await waitFor(() => received.length === 3);
        await subscription.stop();
        const checkpoint = received[received.length - 1].globalPosition!;

        await store.append('partner-b', [joined('b2'), joined('b3')], 'any', context());
        const resumed: RecordedEvent[] = [];
        const again = store.subscribe(checkpoint, async (batch) => void resumed.push(...batch));
        await again.caughtUp;
        await again.stop();
        expect(resumed.map((e) => (e.data as { name: string }).name)).toEqual(['b2', 'b3']);
        expect(caughtUpCalls).toBe(1);
      });

      it('stops and reports when the handler fails, so the checkpoint stays at the last good batch', async () => {
        const store = await newStore();
        await store.append('partner-a', [joined('a1'), joined('a2')], 'any', context());
        const errors: Error[] = [];
        const handled: number[] = [];
        const subscription = store.subscribe(
          0,
          async (batch) => {
            if (batch[0].streamVersion === 2) throw new Error('read model unavailable');
            handled.push(batch[0].streamVersion);
          },
          { batchSize: 1, onError: (e) => errors.push(e) },
        );
        await waitFor(() => errors.length === 1);
        await subscription.stop();
        expect(handled).toEqual([1]);
        expect(errors[0].message).toBe('read model unavailable');
      });
    });

    describe('the hash chain', () => {
      it('verifies an untouched log', async () => {
        const store = await newStore();
        await store.append('partner-a', [joined('a'), reported(2)], 'any', context());
        await store.append('partner-b', [joined('b')], 'any', context());
        const verdict = await store.verify();
        expect(verdict).toMatchObject({
          ok: true,
          eventsChecked: 3,
          streamsChecked: 2,
          lastGlobalPosition: expect.any(Number),
          faults: [],
        });
        expect(verdict.lastGlobalHash).toMatch(/^[0-9a-f]{64}$/);
      });

      it('signs a digest an auditor can check, and any change to it breaks the signature', async () => {
        const store = await newStore();
        await store.append('partner-a', [joined('a'), reported(2)], 'any', context());
        const digest = await store.signedDigest();
        const verdict = await store.verify();
        expect(digest).toMatchObject({
          count: 2,
          algorithm: 'Ed25519',
          lastGlobalHash: verdict.lastGlobalHash,
        });
        expect(isSignatureValid(digest)).toBe(true);
        expect(isSignatureValid({ ...digest, count: 3 })).toBe(false);
      });

      const tamper = harness.tamper;
      (tamper ? describe : describe.skip)('detects tampering with stored events', () => {
        async function threeStreams(store: EventStore) {
          await store.append(
            'partner-a',
            [joined('a'), reported(5), reported(6)],
            'any',
            context(),
          );
          await store.append('partner-b', [joined('b'), reported(7)], 'any', context());
          await store.append('partner-c', [joined('c')], 'any', context());
          expect((await store.verify()).ok).toBe(true);
        }

        it('names the event whose data was edited', async () => {
          const store = await newStore();
          await threeStreams(store);
          await tamper!.editData(store, 'partner-a', 2, { homes: 50, municipality: 'Odense' });
          const verdict = await store.verify();
          expect(verdict.ok).toBe(false);
          expect(verdict.faults[0]).toMatchObject({
            kind: 'content-changed',
            streamId: 'partner-a',
            streamVersion: 2,
          });
          expect(verdict.faults).toHaveLength(1);
        });

        it('names the gap where an event was deleted', async () => {
          const store = await newStore();
          await threeStreams(store);
          await tamper!.deleteEvent(store, 'partner-a', 2);
          const verdict = await store.verify();
          expect(verdict.ok).toBe(false);
          expect(verdict.faults).toEqual(
            expect.arrayContaining([
              expect.objectContaining({
                kind: 'stream-version-gap',
                streamId: 'partner-a',
                streamVersion: 3,
              }),
              expect.objectContaining({ kind: 'global-position-gap', globalPosition: 3 }),
            ]),
          );
        });

        it('names the positions where two events were swapped', async () => {
          const store = await newStore();
          await threeStreams(store);
          await tamper!.swapGlobalPositions(store, 2, 4);
          const verdict = await store.verify();
          expect(verdict.ok).toBe(false);
          expect(verdict.faults.map((f) => [f.kind, f.globalPosition])).toEqual(
            expect.arrayContaining([
              ['global-chain-broken', 2],
              ['global-chain-broken', 4],
            ]),
          );
        });
      });
    });

    describe('versioned events', () => {
      it('upcasts old events on read and never rewrites them', async () => {
        const v1 = await newStore(1);
        await v1.append('housing-report-9', [reported(18)], 'no_stream', context());
        const v2 = await newStore(2, v1);
        await v1.close();
        const [event] = await v2.readStream('housing-report-9');
        expect(event.schemaVersion).toBe(2);
        expect(event.data).toEqual({ count: 18, permanent: true, municipality: 'Odense' });
        const [fromAll] = await v2.readAll(0, 10);
        expect(fromAll.data).toEqual(event.data);
        // The stored event is untouched: its hash still verifies.
        expect((await v2.verify()).ok).toBe(true);
        // New events are written in the current version only.
        await expect(
          v2.append('housing-report-10', [{ ...reported(1), schemaVersion: 1 }], 'any', context()),
        ).rejects.toThrow(/written with schema version 2/);
      });
    });
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
