import './console.css';
import { h, replace } from './dom.js';
import { t, language, languageSwitch } from './i18n.js';
import { get } from './api.js';
import { canChange, canRead, credentials, currentUser, onUnauthorized, setCurrentUser, signOut } from './auth.js';
import { go, mayLeave, parse, route } from './router.js';
import { signInPage, noAccessPage } from './pages/signin.js';
import { processesPage, processVersionPage } from './pages/processes.js';
import { diffPage } from './pages/diff.js';
import { historyPage, instancePage, alumnusPage } from './pages/history.js';
import { segmentsPage } from './pages/segments.js';
import { workPage } from './pages/work.js';

// The modeler (bpmn-js Modeler, properties panel) is a chunk of its own, loaded when a manager opens it.
const modelerPage = (...args) => import('./pages/modeler.js').then((m) => m.modelerPage(...args));

route('/signin', signInPage, { access: 'public' });
route('/no-access', noAccessPage, { access: 'signed-in' });
route('/processes', processesPage);
route('/processes/:key/:version', processVersionPage);
route('/processes/:key/:version/edit', modelerPage, { access: 'change' });
route('/processes/:key/diff/:a/:b', diffPage);
route('/modeler/new', modelerPage, { access: 'change' });
route('/history', historyPage);
route('/history/instances/:id', instancePage);
route('/history/alumni/:studentNo', alumnusPage);
route('/segments', segmentsPage);
route('/segments/:tab', segmentsPage);
route('/segments/members/:code', segmentsPage);
route('/work', workPage, { access: 'change' });

const app = document.getElementById('app');
let cleanup = null;
let rendering = 0;

onUnauthorized(() => {
  signOut();
  go('/signin');
});

function navigation(path) {
  const me = currentUser();
  const item = (href, label, section) => h('a', { href: `#${href}`, class: path.startsWith(section) ? 'active' : null }, label);
  return h('header.topbar',
    h('div.brand', h('span.logo', '校'), h('span', t('app.title'))),
    me && me.console ? h('nav',
      item('/processes', t('nav.processes'), '/processes'),
      item('/history', t('nav.history'), '/history'),
      item('/segments', t('nav.segments'), '/segments'),
      canChange() ? item('/work', t('nav.work'), '/work') : null) : h('nav'),
    h('div.session',
      languageSwitch(),
      me ? h('span.user', { title: me.groups.map((g) => g.id).join(', ') }, me.name,
        h('span.roles', me.roles.map((r) => t(`role.${r}`)).join(' · '))) : null,
      me ? h('button.link#sign-out', { onclick: () => { if (mayLeave()) { signOut(); go('/signin'); } } },
        t('nav.signOut')) : null));
}

async function render() {
  const ticket = ++rendering;
  if (cleanup) { try { cleanup(); } catch (e) { console.warn(e); } cleanup = null; }
  document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en';
  document.title = t('app.title');
  const { route: r, params, query, path } = parse(location.hash);
  if (!r) { go(credentials() ? '/processes' : '/signin'); return; }
  const access = r.access || 'read';
  if (access !== 'public') {
    if (!credentials()) { go(`/signin?next=${encodeURIComponent(path + (query.toString() ? `?${query}` : ''))}`); return; }
    if (!currentUser()) {
      try { setCurrentUser(await get('/api/me')); } catch (e) { return; } // a 401 signs out (api.js)
      if (ticket !== rendering) return;
    }
    if (access !== 'signed-in' && !canRead()) { go('/no-access'); return; }
    if (access === 'change' && !canChange()) { go('/processes'); return; }
  }
  const main = h('main.page');
  replace(app, navigation(path), main);
  try {
    const done = (await r.page(main, params, query, { rerender: render })) || null;
    // the user may have moved on while the page loaded: its cleanup is then due at once
    if (ticket === rendering) cleanup = done;
    else if (done) done();
  } catch (e) {
    console.error(e);
    replace(main, h('div.error', t('error.page'), ': ', e.message));
  }
}

// the page shown; a move away that its guard refuses puts the address back without showing anything else
let shown = location.hash;
window.addEventListener('hashchange', () => {
  if (!mayLeave()) {
    if (location.hash !== shown) history.replaceState(null, '', shown || '#/');
    return;
  }
  shown = location.hash;
  render();
});
window.addEventListener('console-language', () => { if (mayLeave()) render(); });
render();
