// The sign-in lives in sessionStorage (this tab, until it is closed): the user name and the Basic token.
const KEY = 'alumni-console.auth';
let me = null;
let unauthorizedHandler = () => {};

export function basicToken(user, password) {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  bytes.forEach((b) => { binary += String.fromCharCode(b); });
  return btoa(binary);
}

export function credentials() {
  return JSON.parse(sessionStorage.getItem(KEY) || 'null')?.token ?? null;
}

export function remember(user, token, profile) {
  sessionStorage.setItem(KEY, JSON.stringify({ user, token }));
  me = profile;
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  me = null;
}

export const currentUser = () => me;
export const setCurrentUser = (profile) => { me = profile; };

export function onUnauthorized(handler) {
  if (handler) unauthorizedHandler = handler;
  else unauthorizedHandler();
}

const has = (role) => !!me && me.roles.includes(role);
/** Managers and administrators change things; auditors read. */
export const canChange = () => has('MANAGER') || has('ADMIN');
export const canRead = () => !!me && me.console;
