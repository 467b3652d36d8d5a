import { api, ApiError, newKey, type CommandRecorded, type FieldProblem } from './api';
import { h, icon, mount, type Child } from './dom';
import { t } from './i18n';
import { icons } from './ui';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A labelled field whose API errors are shown right under it (`data-field` = the API's name). */
export function field(
  name: string,
  labelText: string,
  control: Control | HTMLElement,
  hint?: string,
  className = '',
): HTMLElement {
  const id = `f-${name.replace(/[^\w-]/g, '-')}-${Math.random().toString(36).slice(2, 7)}`;
  const errorId = `${id}-error`;
  if (isControl(control)) {
    control.id = id;
    if (!control.name) control.name = name;
    control.setAttribute('aria-describedby', errorId);
  }
  const isCheck = control instanceof HTMLInputElement && control.type === 'checkbox';
  return h(
    'div',
    { class: `field ${isCheck ? 'field-check' : ''} ${className}`.trim(), 'data-field': name },
    isCheck ? null : h('label', { for: id }, labelText),
    isCheck
      ? h('label', { for: id, class: 'check' }, control, h('span', null, labelText))
      : control,
    hint ? h('div', { class: 'field-hint' }, hint) : null,
    h('div', { class: 'field-error', id: errorId, role: 'alert', 'aria-live': 'polite' }),
  );
}

function isControl(el: HTMLElement): el is Control {
  return (
    el instanceof HTMLInputElement ||
    el instanceof HTMLSelectElement ||
    el instanceof HTMLTextAreaElement
  );
}

export function input(attrs: Record<string, unknown> = {}): HTMLInputElement {
  return h('input', { type: 'text', ...attrs });
}

export function select(
  options: Array<[string, string]>,
  attrs: Record<string, unknown> = {},
  placeholder = true,
): HTMLSelectElement {
  return h(
    'select',
    attrs,
    placeholder ? h('option', { value: '' }, t('choose')) : null,
    ...options.map(([value, text]) => h('option', { value }, text)),
  );
}

export function textarea(attrs: Record<string, unknown> = {}): HTMLTextAreaElement {
  return h('textarea', { rows: 3, ...attrs });
}

/** '' → absent; a number → the number; anything else as typed, so the API names the problem. */
export function numberOrText(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed.replace(',', '.'));
  return Number.isFinite(n) ? n : trimmed;
}

export function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function lines(value: string): string[] | undefined {
  const list = value
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return list.length ? list : undefined;
}

/** A problem before anything is sent (a path parameter left empty). */
export class MissingField extends Error {
  constructor(readonly field: string) {
    super(`${field} is required`);
  }
}

export interface CommandFormOptions {
  id: string;
  title: string;
  subtitle?: string;
  fields: Child[];
  /** The request to send: path and body (built from the fields when submitted). */
  request: () => { path: string; body: Record<string, unknown> };
  success: (answer: CommandRecorded, body: Record<string, unknown>) => string | Node;
  afterSuccess?: (answer: CommandRecorded, body: Record<string, unknown>) => void;
}

/**
 * A form that records one command: POST with an Idempotency-Key that stays the same until the
 * command is recorded (a double click records once), errors next to the fields the API names.
 */
export function commandForm(options: CommandFormOptions): HTMLElement {
  let key = newKey();
  const message = h('div', { class: 'form-message', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', class: 'btn btn-primary' }, t('submit'));
  const form = h(
    'form',
    { class: 'card form-card', id: options.id, novalidate: true },
    h(
      'header',
      { class: 'card-head' },
      h('h2', null, options.title),
      options.subtitle ? h('p', { class: 'muted' }, options.subtitle) : null,
    ),
    h('div', { class: 'form-grid' }, ...options.fields),
    message,
    h('div', { class: 'form-actions' }, button),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, message);
    let request: { path: string; body: Record<string, unknown> };
    try {
      request = options.request();
    } catch (error) {
      if (error instanceof MissingField) {
        showProblems(form, message, [
          { field: error.field, rule: 'required', message: t('required') },
        ]);
        return;
      }
      throw error;
    }
    button.disabled = true;
    button.textContent = t('submitting');
    try {
      const answer = await api<CommandRecorded>('POST', request.path, request.body, {
        idempotencyKey: key,
      });
      key = newKey();
      message.className = 'form-message alert alert-good';
      mount(message, icon(icons.check), h('span', null, options.success(answer, request.body)));
      options.afterSuccess?.(answer, request.body);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length) {
        showProblems(form, message, error.fields);
      } else {
        message.className = 'form-message alert alert-bad';
        mount(
          message,
          icon(icons.alert),
          h(
            'span',
            null,
            error instanceof ApiError && error.rule ? h('strong', null, `${error.rule}: `) : null,
            error instanceof Error ? error.message : String(error),
          ),
        );
      }
    } finally {
      button.disabled = false;
      button.textContent = t('submit');
    }
  });
  return form;
}

function clearErrors(form: HTMLElement, message: HTMLElement): void {
  message.className = 'form-message';
  message.replaceChildren();
  for (const el of form.querySelectorAll('.field.invalid')) el.classList.remove('invalid');
  for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
}

/** Each problem under its field (`term.startsOn`, `contributionsToGoal[1]` → its list field). */
function showProblems(form: HTMLElement, message: HTMLElement, problems: FieldProblem[]): void {
  const unplaced: FieldProblem[] = [];
  let first: HTMLElement | null = null;
  for (const problem of problems) {
    const target = findField(form, problem.field);
    if (!target) {
      unplaced.push(problem);
      continue;
    }
    target.classList.add('invalid');
    target.querySelector('input, select, textarea')?.setAttribute('aria-invalid', 'true');
    const slot = target.querySelector('.field-error');
    if (slot)
      slot.textContent = slot.textContent
        ? `${slot.textContent} ${problem.message}`
        : problem.message;
    first ??= target;
  }
  message.className = 'form-message alert alert-bad';
  mount(
    message,
    icon(icons.alert),
    h(
      'span',
      null,
      t('formHasErrors'),
      ...unplaced.map((p) => h('span', { class: 'unplaced' }, ` ${p.field}: ${p.message}`)),
    ),
  );
  first?.querySelector<HTMLElement>('input, select, textarea')?.focus();
}

function findField(form: HTMLElement, name: string): HTMLElement | null {
  let candidate = name;
  for (;;) {
    const found = form.querySelector<HTMLElement>(`.field[data-field="${CSS.escape(candidate)}"]`);
    if (found) return found;
    const shorter = candidate.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');
    if (shorter === candidate || !shorter) return null;
    candidate = shorter;
  }
}
