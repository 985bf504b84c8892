import { h, replace } from '../dom.js';
import { t, languageSwitch } from '../i18n.js';
import { get, ApiError } from '../api.js';
import { basicToken, remember, signOut, currentUser } from '../auth.js';
import { go } from '../router.js';

/** The same accounts as Tasklist and Cockpit; the credentials stay in this tab (sessionStorage) for HTTP Basic. */
export function signInPage(main, params, query) {
  const error = h('div.error#signin-error', { role: 'alert' });
  const user = h('input#username', { name: 'username', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input#password', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const button = h('button.primary#signin', { type: 'submit' }, t('signin.submit'));
  replace(main, h('div.signin',
    h('form.card#signin-form', {
      onsubmit: async (e) => {
        e.preventDefault();
        button.disabled = true;
        replace(error);
        const token = basicToken(user.value.trim(), password.value);
        try {
          const me = await get('/api/me', { token });
          remember(me.user, token, me);
          go(me.console ? (query.get('next') || '/processes') : '/no-access');
        } catch (err) {
          replace(error, err instanceof ApiError && err.status === 401 ? t('signin.wrong') : err.message);
          button.disabled = false;
        }
      },
    },
    h('h1', t('signin.title')),
    h('p.hint', t('signin.hint')),
    h('label', h('span', t('signin.user')), user),
    h('label', h('span', t('signin.password')), password),
    button, error,
    h('div.signin-foot', languageSwitch()))));
  return null;
}

/** Coordinators and users without a role: the console is not for them (the server refuses their calls anyway). */
export function noAccessPage(main) {
  const me = currentUser();
  replace(main, h('div.no-access#no-access',
    h('h1', t('noAccess.title')),
    h('p', t('noAccess.text', { user: me ? me.user : '' })),
    h('p', h('a.button', { href: '/camunda/app/tasklist/' }, t('noAccess.tasklist')), ' ',
      h('button#no-access-sign-out', { onclick: () => { signOut(); go('/signin'); } }, t('nav.signOut')))));
  return null;
}
