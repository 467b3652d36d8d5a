import './styles.css';
import { forgetCaches, whenUnauthorized } from './api';
import { destroyCharts, markRendered, renderCount } from './charts';
import { h, icon, mount } from './dom';
import { lang, setLang, t, type Key } from './i18n';
import { can, currentSession, endSession, type Role } from './session';
import { icons } from './ui';
import { renderGovernance } from './pages/governance';
import { renderInitiative, renderInitiatives } from './pages/initiatives';
import { renderLogin } from './pages/login';
import { renderPartner, renderPartners } from './pages/partners';
import { renderProgress } from './pages/progress';
import { renderPublic } from './pages/public';
import { renderRecord } from './pages/record';
import { renderImport } from './pages/import';

export interface Route {
  path: string[];
  params: URLSearchParams;
}

type Page = (view: HTMLElement, route: Route) => Promise<void> | void;

interface PageDef {
  nav?: { key: Key; icon: string[] };
  render: Page;
  /** Who may open it: anyone, any reader, or the secretariat. */
  access: 'anyone' | 'reader' | 'secretariat';
}

const pages: Record<string, PageDef> = {
  progress: {
    nav: { key: 'navProgress', icon: icons.chart },
    render: renderProgress,
    access: 'reader',
  },
  governance: {
    nav: { key: 'navGovernance', icon: icons.people },
    render: renderGovernance,
    access: 'reader',
  },
  partners: {
    nav: { key: 'navPartners', icon: icons.handshake },
    render: (view, route) =>
      route.path[1] ? renderPartner(view, route.path[1]) : renderPartners(view),
    access: 'reader',
  },
  initiatives: {
    nav: { key: 'navInitiatives', icon: icons.flag },
    render: (view, route) =>
      route.path[1] ? renderInitiative(view, route.path[1]) : renderInitiatives(view),
    access: 'reader',
  },
  record: {
    nav: { key: 'navRecord', icon: icons.pen },
    render: renderRecord,
    access: 'secretariat',
  },
  import: {
    nav: { key: 'navImport', icon: icons.pen },
    render: renderImport,
    access: 'secretariat',
  },
  public: { nav: { key: 'navPublic', icon: icons.globe }, render: renderPublic, access: 'anyone' },
  login: { render: renderLogin, access: 'anyone' },
};

function parseRoute(): Route {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, search = ''] = hash.split('?');
  return {
    path: path.split('/').filter(Boolean).map(decodeURIComponent),
    params: new URLSearchParams(search),
  };
}

export function navigate(path: string): void {
  if (location.hash === `#${path}`) void render();
  else location.hash = path;
}

function allowed(def: PageDef, role: Role | undefined): boolean {
  if (def.access === 'anyone') return true;
  if (def.access === 'secretariat') return can.record(role);
  return can.read(role);
}

const app = document.getElementById('app') as HTMLElement;

function shell(active: string): HTMLElement {
  const session = currentSession();
  const role = session?.role;
  const links = Object.entries(pages)
    .filter(([, def]) => def.nav && (def.access === 'anyone' || allowed(def, role)))
    .map(([name, def]) =>
      h(
        'a',
        {
          href: `#/${name}`,
          class: name === active ? 'nav-link active' : 'nav-link',
          'aria-current': name === active ? 'page' : undefined,
          'data-nav': name,
        },
        icon(def.nav!.icon),
        h('span', null, t(def.nav!.key)),
      ),
    );
  const langSwitch = h(
    'div',
    { class: 'lang-switch', role: 'group', 'aria-label': t('language') },
    ...(['da', 'en'] as const).map((code) =>
      h(
        'button',
        {
          type: 'button',
          class: lang() === code ? 'active' : '',
          'aria-pressed': lang() === code ? 'true' : 'false',
          'data-lang': code,
          onclick: () => {
            setLang(code);
            void render();
          },
        },
        code.toUpperCase(),
      ),
    ),
  );
  const roleKey: Record<Role, Key> = {
    secretariat: 'roleSecretariat',
    board: 'roleBoard',
    auditor: 'roleAuditor',
    admin: 'roleAdmin',
  };
  const user = session
    ? h(
        'div',
        { class: 'user-chip', 'data-role': session.role },
        icon(icons.user),
        h('span', { class: 'user-name' }, session.username),
        h('span', { class: 'user-role' }, t(roleKey[session.role])),
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-ghost btn-sm',
            id: 'logout',
            onclick: () => {
              endSession();
              forgetCaches();
              navigate('/public');
            },
          },
          icon(icons.logout),
          t('logout'),
        ),
      )
    : active === 'login'
      ? null
      : h('a', { class: 'btn btn-primary btn-sm', href: '#/login', id: 'login-link' }, t('login'));
  return h(
    'header',
    { class: 'topbar' },
    h(
      'div',
      { class: 'topbar-inner' },
      h(
        'a',
        { class: 'brand', href: session ? '#/progress' : '#/public' },
        h('span', { class: 'brand-mark' }, icon(icons.home)),
        h(
          'span',
          { class: 'brand-text' },
          h('strong', null, t('brand')),
          h('small', null, t('brandSub')),
        ),
      ),
      h('nav', { class: 'nav' }, ...links),
      h('div', { class: 'topbar-right' }, langSwitch, user),
    ),
  );
}

let rendering = 0;

async function render(): Promise<void> {
  const ticket = ++rendering;
  const route = parseRoute();
  const session = currentSession();
  let name = route.path[0] ?? '';
  if (!pages[name]) {
    if (name) {
      name = '';
    }
    const home = session && can.read(session.role) ? 'progress' : 'public';
    if (!route.path[0]) {
      history.replaceState(null, '', `#/${home}`);
      name = home;
    }
  }
  destroyCharts();
  const view = h('main', { class: 'view', id: 'view' });
  mount(
    app,
    shell(name),
    view,
    h('footer', { class: 'footer' }, `Hjem til Alle · ${t('brandSub')}`),
  );
  const def = pages[name];
  if (!def) {
    mount(view, h('div', { class: 'alert' }, t('notFound')));
    markRendered('not-found');
    return;
  }
  if (!allowed(def, session?.role)) {
    if (!session) {
      navigate(`/login?next=${encodeURIComponent(location.hash.slice(1))}`);
      return;
    }
    mount(
      view,
      h(
        'div',
        { class: 'alert alert-warn', role: 'alert' },
        session.role === 'admin' ? t('adminNoDashboard') : t('forbidden'),
      ),
    );
    markRendered('forbidden');
    return;
  }
  const before = renderCount();
  await def.render(view, route);
  // Pages mark themselves once drawn; one that did not (login, a failure) is marked here.
  if (ticket === rendering && renderCount() === before) markRendered(name);
}

whenUnauthorized(() => navigate('/login?expired=1'));
window.addEventListener('hashchange', () => void render());
setLang(lang());
void render();
