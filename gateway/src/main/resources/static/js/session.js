/*
 * session.js — who is using the page and what they may see. Asks the gateway's GET /api/me once,
 * renders the header navigation by role (the services still decide every call), the log in /
 * register / log out controls (the gateway's /login and /register bring a person back to the page
 * they were on, through ?returnTo=), and guards pages meant for one role.
 */
import { ApiError, get, csrfToken } from './api.js';
import { h, replace, focus, setTitle } from './ui.js';

export const LOGIN_URL = '/login';
export const REGISTER_URL = '/register';

let current;

/** The logged-in user ({id, username, email, name, roles}) or null when anonymous. */
export async function me() {
  if (current !== undefined) {
    return current;
  }
  try {
    const user = await get('/api/me');
    current = user && user.id ? { ...user, roles: user.roles || [] } : null;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) {
      console.warn('Could not read the session', error);
    }
    current = null;
  }
  return current;
}

export function hasRole(user, role) {
  return Boolean(user && user.roles && user.roles.includes(role));
}

/** The current page as a local path, for the gateway's ?returnTo= (it accepts local paths only). */
function here() {
  return window.location.pathname + window.location.search + window.location.hash;
}

/** Keycloak's login page through the gateway, coming back to this page afterwards. */
export function loginHref() {
  return `${LOGIN_URL}?returnTo=${encodeURIComponent(here())}`;
}

/** Keycloak's registration page through the gateway, coming back to this page afterwards. */
export function registerHref() {
  return `${REGISTER_URL}?returnTo=${encodeURIComponent(here())}`;
}

function loginLink(text = 'Log in', testid = 'nav-login') {
  return h('a', { href: loginHref(), class: 'login-link', 'data-testid': testid }, text);
}

function registerLink(text = 'Register', testid = 'nav-register') {
  return h('a', { href: registerHref(), 'data-testid': testid }, text);
}

/**
 * The log-out control: a real form POST to /logout (so the browser follows the gateway's redirect
 * to Keycloak's end-session page), carrying the CSRF token as the `_csrf` field, read at submit.
 */
function logoutForm() {
  const token = h('input', { type: 'hidden', name: '_csrf', value: '' });
  return h('form', {
    method: 'post', action: '/logout', class: 'logout-form',
    on: { submit: () => { token.value = csrfToken() || ''; } },
  }, token, h('button', { type: 'submit', class: 'link-button', 'data-testid': 'nav-logout' }, 'Log out'));
}

const PUBLIC_LINKS = [
  ['/', 'Articles', 'nav-home'],
  ['/assessments.html', 'Self-assessments', 'nav-assessments'],
  ['/book.html', 'Book a free consultation', 'nav-book'],
];

const ROLE_LINKS = {
  client: [['/account.html', 'My account', 'nav-account']],
  therapist: [
    ['/therapist/calendar.html', 'My calendar', 'nav-therapist-calendar'],
    ['/therapist/follow-ups.html', 'Follow-ups', 'nav-follow-ups'],
    ['/therapist/availability.html', 'Availability', 'nav-availability'],
    ['/therapist/profile.html', 'Profile', 'nav-profile'],
    ['/admin/articles.html', 'My articles', 'nav-admin-articles'],
  ],
  admin: [
    ['/admin/articles.html', 'Manage articles', 'nav-admin-articles'],
    ['/therapist/follow-ups.html', 'Follow-ups', 'nav-follow-ups'],
  ],
};

function navLink([href, text, testid]) {
  const here = window.location.pathname === href || (href === '/' && window.location.pathname === '/index.html');
  return h('li', {}, h('a', { href, 'data-testid': testid, 'aria-current': here ? 'page' : null }, text));
}

function renderNav(user) {
  const nav = document.getElementById('site-nav');
  if (!nav) {
    return;
  }
  // Booking is for clients (and anonymous visitors, who are asked to log in when they confirm).
  const links = PUBLIC_LINKS.filter(([href]) => href !== '/book.html' || !user || hasRole(user, 'client'));
  const seen = new Set(links.map(([href]) => href));
  for (const role of (user && user.roles) || []) {
    for (const link of ROLE_LINKS[role] || []) {
      if (!seen.has(link[0])) {
        seen.add(link[0]);
        links.push(link);
      }
    }
  }
  const account = user
    ? h('div', { class: 'account-controls' },
      h('span', { class: 'signed-in', 'data-testid': 'nav-user' }, 'Signed in as ', h('strong', {}, user.name || user.username)),
      logoutForm())
    : h('div', { class: 'account-controls' }, loginLink(), registerLink());
  replace(nav, h('ul', { class: 'nav-links' }, links.map(navLink)), account);
}

/**
 * Starts a page: reads the session, renders the navigation and, when `roles` is given, checks that
 * the user holds one of them, otherwise replaces <main> with a log-in prompt or a "not for your
 * account" note. Resolves to the user (or null), or to undefined when the page must not go on.
 */
export async function initPage({ roles = null, title = null } = {}) {
  if (title) {
    setTitle(title);
  }
  const user = await me();
  renderNav(user);
  if (roles && !(user && roles.some((role) => hasRole(user, role)))) {
    const main = document.getElementById('main');
    const heading = h('h1', {}, user ? 'This page is not available to your account' : 'Please log in');
    replace(main, h('section', { class: 'panel', 'data-testid': 'access-denied' },
      heading,
      user
        ? h('p', {}, 'This part of the site is for ', roles.join(' or '), ' accounts. ', h('a', { href: '/' }, 'Go to the home page'), '.')
        : h('p', {}, 'You need to be logged in to see this page. ', loginLink('Log in', 'prompt-login'), ' or ',
          registerLink('create an account', 'prompt-register'), '.')));
    focus(heading);
    return undefined;
  }
  return user;
}

export { loginLink, registerLink };
