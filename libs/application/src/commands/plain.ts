/**
 * A validated DTO as the plain JSON the domain expects: no class instances (the event store
 * refuses them in event data) and no keys holding `undefined`.
 */
export function plain<T extends object>(dto: T): T {
  return JSON.parse(JSON.stringify(dto)) as T;
}
