/*
 * not-found.js — the gateway's page for an address that has none: only the navigation for who is logged in.
 */
import { initPage } from '../session.js';

initPage({ title: 'Page not found' });
