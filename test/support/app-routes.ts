import { INestApplication, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from '../../apps/api/src/auth/access.decorators';

/** One route of the running app, as its controller declares it. */
export interface AppRoute {
  controller: Type<unknown>;
  handler: string;
  method: string;
  /** As Express sees it: `/partners/:partnerId`. */
  path: string;
  /** `@Roles(...)` of the handler or its controller; undefined when neither has any. */
  roles: string[] | undefined;
  isPublic: boolean;
}

/**
 * Every route of every controller of the running app, read from the decorators the app itself
 * runs on, so tests that must cover every route need no list that someone forgets to extend.
 */
export function appRoutes(app: INestApplication): AppRoute[] {
  const reflector = app.get(Reflector);
  const routes: AppRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const own = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const targets = [handler as () => unknown, controller];
        routes.push({
          controller,
          handler: name,
          method: RequestMethod[method],
          path: `/${[base, own].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/'),
          roles: reflector.getAllAndOverride<string[] | undefined>(ROLES_KEY, targets),
          isPublic: reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true,
        });
      }
    }
  }
  return routes;
}
