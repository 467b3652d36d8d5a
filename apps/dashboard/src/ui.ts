import { h, icon, type Child } from './dom';
import { t } from './i18n';
import { state, today } from './state';

export const icons = {
  home: ['M3 11.5 12 4l9 7.5', 'M5 10v10h14V10', 'M10 20v-6h4v6'],
  chart: ['M4 20V4', 'M4 20h16', 'M8 16v-5', 'M12 16V8', 'M16 16v-3'],
  people: [
    'M16 19v-1a4 4 0 0 0-4-4H7a4 4 0 0 0-4 4v1',
    'M9.5 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
    'M21 19v-1a4 4 0 0 0-3-3.8',
    'M15.5 4.2a3 3 0 0 1 0 5.6',
  ],
  handshake: ['M3 12l4-4 4 2 3-3 7 6', 'M7 14l3 3', 'M10 12l4 4', 'M13 10l4 4'],
  flag: ['M5 21V4', 'M5 4h11l-2 4 2 4H5'],
  pen: ['M4 20h4L19 9l-4-4L4 16v4z', 'M14 6l4 4'],
  globe: [
    'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
    'M3 12h18',
    'M12 3c3 3.5 3 14.5 0 18',
    'M12 3c-3 3.5-3 14.5 0 18',
  ],
  calendar: ['M4 6h16v14H4z', 'M4 10h16', 'M8 3v4', 'M16 3v4'],
  logout: ['M15 17l5-5-5-5', 'M20 12H9', 'M12 20H5V4h7'],
  user: ['M20 20v-1a5 5 0 0 0-5-5H9a5 5 0 0 0-5 5v1', 'M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z'],
  arrowLeft: ['M19 12H5', 'M11 6l-6 6 6 6'],
  check: ['M5 12l5 5L20 7'],
  alert: [
    'M12 8v5',
    'M12 16.5v.5',
    'M10.3 3.9 2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z',
  ],
};

export function pageHeader(title: string, subtitle: string, ...actions: Child[]): HTMLElement {
  return h(
    'div',
    { class: 'page-header' },
    h('div', null, h('h1', null, title), h('p', { class: 'muted' }, subtitle)),
    h('div', { class: 'page-actions' }, ...actions),
  );
}

/** The "as of" date picker shared by progress and governance. */
export function asOfPicker(onChange: () => void): HTMLElement {
  const input = h('input', {
    type: 'date',
    id: 'as-of',
    name: 'asOf',
    max: today(),
    value: state.asOf || today(),
    'aria-label': t('asOf'),
  });
  input.addEventListener('change', () => {
    state.asOf = input.value && input.value !== today() ? input.value : '';
    onChange();
  });
  const reset = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-ghost btn-sm',
      onclick: () => {
        state.asOf = '';
        onChange();
      },
      disabled: !state.asOf,
    },
    t('today'),
  );
  return h(
    'div',
    { class: 'as-of' },
    h('label', { for: 'as-of' }, icon(icons.calendar), t('asOf')),
    input,
    reset,
  );
}

export function card(title: string | null, subtitle: string | null, ...body: Child[]): HTMLElement {
  return h(
    'section',
    { class: 'card' },
    title
      ? h(
          'header',
          { class: 'card-head' },
          h('h2', null, title),
          subtitle ? h('p', { class: 'muted' }, subtitle) : null,
        )
      : null,
    ...body,
  );
}

export function badge(
  text: string,
  tone: 'neutral' | 'good' | 'warn' | 'bad' | 'info' = 'neutral',
): HTMLElement {
  return h('span', { class: `badge badge-${tone}` }, text);
}

export function loading(): HTMLElement {
  return h(
    'div',
    { class: 'loading', role: 'status' },
    h('span', { class: 'spinner' }),
    t('loading'),
  );
}

export function failure(error: unknown, retry: () => void): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  return h(
    'div',
    { class: 'alert alert-bad', role: 'alert' },
    icon(icons.alert),
    h('div', null, h('strong', null, t('loadFailed')), h('div', null, message)),
    h('button', { type: 'button', class: 'btn btn-ghost btn-sm', onclick: retry }, t('retry')),
  );
}

export function empty(text: string): HTMLElement {
  return h('p', { class: 'empty muted' }, text);
}

/** A person: the name when the register knows it, the id otherwise (filled in when known). */
export function personLabel(
  personId: string | null,
  known: (id: string) => Promise<string | null>,
): HTMLElement {
  const span = h('span', { class: 'person', title: personId ?? '' }, personId ?? '–');
  if (personId) {
    void known(personId).then((name) => {
      if (name) {
        span.textContent = name;
        span.classList.add('named');
      } else {
        span.classList.add('id');
      }
    });
  }
  return span;
}
