import { api, ApiError, forgetCaches, type LoginAnswer } from '../api';
import { h, icon, mount } from '../dom';
import { t } from '../i18n';
import type { Route } from '../main';
import { can, startSession } from '../session';
import { icons } from '../ui';

export function renderLogin(view: HTMLElement, route: Route): void {
  const username = h('input', {
    id: 'username',
    name: 'username',
    autocomplete: 'username',
    required: true,
  });
  const password = h('input', {
    id: 'password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const message = h('div', { class: 'form-message', role: 'alert', 'aria-live': 'polite' });
  if (route.params.get('expired')) {
    message.className = 'form-message alert alert-warn';
    message.textContent = t('sessionExpired');
  }
  const button = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('login'));
  const form = h(
    'form',
    { class: 'login-form', id: 'login-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'username' }, t('username')), username),
    h('div', { class: 'field' }, h('label', { for: 'password' }, t('password')), password),
    message,
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    message.className = 'form-message';
    message.textContent = '';
    try {
      const answer = await api<LoginAnswer>(
        'POST',
        '/auth/login',
        { username: username.value.trim(), password: password.value },
        { anonymous: true },
      );
      forgetCaches();
      startSession({
        token: answer.accessToken,
        role: answer.role,
        username: username.value.trim(),
        expiresAt: Date.now() + answer.expiresIn * 1000 - 5_000,
      });
      const next = route.params.get('next');
      location.hash =
        next && next !== '/login' ? next : can.read(answer.role) ? '/progress' : '/public';
    } catch (error) {
      message.className = 'form-message alert alert-bad';
      message.textContent =
        error instanceof ApiError && error.status === 429
          ? t('loginThrottled')
          : error instanceof ApiError && (error.status === 401 || error.status === 400)
            ? t('loginFailed')
            : error instanceof Error
              ? error.message
              : String(error);
      button.disabled = false;
    }
  });
  mount(
    view,
    h(
      'div',
      { class: 'login-wrap' },
      h(
        'section',
        { class: 'card login-card' },
        h('div', { class: 'login-mark' }, icon(icons.home)),
        h('h1', null, t('loginTitle')),
        h('p', { class: 'muted' }, t('loginIntro')),
        form,
      ),
    ),
  );
  username.focus();
}
