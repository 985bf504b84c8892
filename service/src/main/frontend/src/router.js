// Hash routes: '#/processes/reunionPlanning/3?x=1' → the page registered for '/processes/:key/:version'.

const routes = [];

export function route(pattern, page, { access } = {}) {
  const names = [];
  const regex = new RegExp('^' + pattern.replace(/:([a-zA-Z]+)/g, (_, n) => { names.push(n); return '([^/]+)'; }) + '$');
  routes.push({ regex, names, page, access });
}

export function parse(hash) {
  const raw = (hash || '').replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  for (const r of routes) {
    const m = r.regex.exec(path);
    if (m) {
      const params = {};
      r.names.forEach((n, i) => { params[n] = decodeURIComponent(m[i + 1]); });
      return { route: r, params, query: new URLSearchParams(search), path };
    }
  }
  return { route: null, params: {}, query: new URLSearchParams(search), path };
}

export function go(path) {
  if (location.hash === `#${path}`) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = path;
}

export const link = (...parts) => '#/' + parts.map((p) => encodeURIComponent(p)).join('/');

// A page with unsaved work registers a guard: a function that says whether it may be left (it may ask the user).
let guard = null;

export function guardLeaving(mayLeavePage) {
  guard = mayLeavePage;
  return () => { if (guard === mayLeavePage) guard = null; };
}

export function mayLeave() {
  return !guard || guard();
}
