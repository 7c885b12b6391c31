/*
 * zones.js — fills a <select> with the IANA time zones the browser knows, the chosen one selected.
 */
import { h, replace, browserZone } from './ui.js';

export function fillZones(select, selected = browserZone()) {
  let zones = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  for (const zone of [selected, browserZone(), 'UTC']) {
    if (zone && !zones.includes(zone)) zones.unshift(zone);
  }
  replace(select, zones.map((zone) => h('option', { value: zone, selected: zone === selected }, zone)));
}
