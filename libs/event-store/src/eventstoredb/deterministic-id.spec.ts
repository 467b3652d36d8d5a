import { commandEventId, deterministicUuid } from './deterministic-id';

describe('deterministic event ids', () => {
  it('are UUIDs (version 5 layout) that depend only on their parts', () => {
    const id = commandEventId('cmd-1', 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(commandEventId('cmd-1', 0)).toBe(id);
    expect(commandEventId('cmd-1', 1)).not.toBe(id);
    expect(commandEventId('cmd-2', 0)).not.toBe(id);
  });

  it('do not confuse where one part ends and the next begins', () => {
    expect(deterministicUuid('ab', 'c')).not.toBe(deterministicUuid('a', 'bc'));
  });
});
