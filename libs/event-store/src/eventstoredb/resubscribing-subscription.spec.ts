import type { AllStreamResolvedEvent, Position, ReadPosition } from '@eventstore/db-client';
import { EventEmitter } from 'node:events';
import { RecordedEvent } from '../port/event-envelope';
import {
  ResubscribingSubscription,
  SubscriptionSource,
  SubscriptionStream,
} from './resubscribing-subscription';

class FakeStream extends EventEmitter implements SubscriptionStream {
  readableLength = 0;
  unsubscribed = false;
  pause() {
    return this;
  }
  resume() {
    return this;
  }
  async unsubscribe() {
    this.unsubscribed = true;
  }
  send(position: number) {
    const at = BigInt(position);
    this.emit('data', {
      event: { position: { commit: at, prepare: at } },
    } as unknown as AllStreamResolvedEvent);
  }
}

function fakeSource(head = 0) {
  const opened: Array<{
    from: ReadPosition;
    stream: FakeStream;
    checkpoint: (p: Position) => void;
  }> = [];
  const source: SubscriptionSource = {
    open(from, onCheckpoint) {
      const stream = new FakeStream();
      opened.push({ from, stream, checkpoint: (position) => onCheckpoint(position, stream) });
      return stream;
    },
    async decode(batch) {
      return batch.map(
        (resolved) =>
          ({ globalPosition: Number(resolved.event!.position.commit) }) as RecordedEvent,
      );
    },
    head: async () => head,
  };
  return { source, opened };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const fast = { backoff: { initialMs: 1, maxMs: 4, jitter: 0 } };

describe('a subscription that survives drops', () => {
  it('resubscribes after a drop from the last handled position, without repeats', async () => {
    const { source, opened } = fakeSource();
    const handled: number[] = [];
    const subscription = new ResubscribingSubscription(
      source,
      0,
      async (batch) => void handled.push(...batch.map((e) => e.globalPosition!)),
      fast,
    );
    expect(opened[0].from).toBe('start');
    opened[0].stream.send(10);
    opened[0].stream.send(20);
    await tick();
    opened[0].stream.emit('error', new Error('keep-alive timeout'));
    await tick();
    await tick();
    expect(opened).toHaveLength(2);
    expect(opened[1].from).toEqual({ commit: 20n, prepare: 20n });
    opened[1].stream.send(20); // a repeat the server might send
    opened[1].stream.send(30);
    await tick();
    await subscription.stop();
    expect(handled).toEqual([10, 20, 30]);
    expect(opened[1].stream.unsubscribed).toBe(true);
  });

  it('resumes from a filter checkpoint once the events before it are handled', async () => {
    const { source, opened } = fakeSource();
    const subscription = new ResubscribingSubscription(source, 5, async () => undefined, fast);
    expect(opened[0].from).toEqual({ commit: 5n, prepare: 5n });
    opened[0].stream.send(10);
    opened[0].checkpoint({ commit: 900n, prepare: 900n });
    await tick();
    expect(subscription.resumePosition()).toEqual({ commit: 900n, prepare: 900n });
    opened[0].stream.emit('end');
    await tick();
    await tick();
    expect(opened[1].from).toEqual({ commit: 900n, prepare: 900n });
    await subscription.stop();
  });

  it('batches what has arrived and reports caughtUp once', async () => {
    const { source, opened } = fakeSource(30);
    const batches: number[][] = [];
    let caughtUp = 0;
    const subscription = new ResubscribingSubscription(
      source,
      0,
      async (batch) => {
        batches.push(batch.map((e) => e.globalPosition!));
        await tick();
      },
      { ...fast, batchSize: 2, onCaughtUp: () => caughtUp++ },
    );
    [10, 20, 30].forEach((position) => opened[0].stream.send(position));
    opened[0].stream.emit('caughtUp');
    await subscription.caughtUp;
    await subscription.stop();
    expect(batches).toEqual([[10, 20], [30]]);
    expect(caughtUp).toBe(1);
  });

  it('stops and reports when the handler fails', async () => {
    const { source, opened } = fakeSource();
    const errors: Error[] = [];
    const subscription = new ResubscribingSubscription(
      source,
      0,
      async () => {
        throw new Error('read model unavailable');
      },
      { ...fast, onError: (error) => errors.push(error) },
    );
    opened[0].stream.send(10);
    await tick();
    expect(errors.map((e) => e.message)).toEqual(['read model unavailable']);
    expect(opened[0].stream.unsubscribed).toBe(true);
    await subscription.stop();
  });

  it('gives up after the configured number of failed resubscriptions', async () => {
    const { source, opened } = fakeSource();
    const errors: Error[] = [];
    const subscription = new ResubscribingSubscription(source, 0, async () => undefined, {
      ...fast,
      maxResubscribeAttempts: 2,
      onError: (error) => errors.push(error),
    });
    for (let i = 0; i < 3; i++) {
      opened[opened.length - 1].stream.emit('error', new Error('leader changed'));
      await tick();
      await tick();
    }
    expect(opened).toHaveLength(3);
    expect(errors[0].message).toMatch(/2 resubscriptions failed: leader changed/);
    await subscription.stop();
  });
});
