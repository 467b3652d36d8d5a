import { ApiOperation } from '@nestjs/swagger';

/**
 * `security: []` on an operation: OpenAPI's way to say it needs no token. @nestjs/swagger has no
 * decorator for it (ApiSecurity always names a scheme, and an empty security list is dropped), so
 * it goes into the operation's own metadata, which is copied as it is. ApiOperation merges with
 * the summary given elsewhere; `summary: undefined` keeps its default ('') from overwriting it.
 * On a class: on each of its routes.
 */
export function ApiNoToken(): ClassDecorator & MethodDecorator {
  const mark = ApiOperation({ summary: undefined, security: [] });
  return ((target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (key !== undefined && descriptor) return mark(target, key, descriptor);
    const prototype = (target as { prototype: object }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = Object.getOwnPropertyDescriptor(prototype, name);
      if (name !== 'constructor' && typeof method?.value === 'function') {
        mark(prototype, name, method);
      }
    }
    return target;
  }) as ClassDecorator & MethodDecorator;
}
