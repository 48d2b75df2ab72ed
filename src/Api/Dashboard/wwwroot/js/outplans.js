// The Outplans screen: the company's outplans, the calling window of the one chosen, and a preview
// of the calls it would place. Every time and zone shown is the API's own answer (GET /v1.0/outplans,
// GET …/calling_window, POST …/schedule_preview); the page only puts them into words.

import { ApiError, callApi } from './api.js';
import { byId, counted, element, formatCount } from './dom.js';
import { clearFieldErrors, failureBanner, showFieldError } from './feedback.js';
import {
  attemptRows, describeWindow, formatDuration, formatUtc, previewFieldOfMessage, previewFields, previewRequest,
  scheduleSummary, tries, tryCounts, windowInOneLine,
} from './schedule.js';

/** The preview form, as feedback.js shows its errors. */
const previewForm = {
  fields: previewFields,
  foot: 'preview-error',
  announcer: 'preview-announcer',
  failed: 'The schedule was not previewed.',
  submit: 'preview',
};

const pageSize = 100;

const state = {
  outplans: [], // the list as the API answered it
  selected: null, // the outplan shown below the list
  listing: null, // the AbortController of each request still running
  picking: null,
  previewing: null,
};

/** What the screen needs of the page: the sign-in it runs for, and the 401 handling. */
let page = { session: () => 0, signedOut: () => false };

export function setUpOutplans(given) {
  page = given;
  byId('destination-fields').replaceChildren(...[0, 1, 2, 3, 4].map(destinationField));
  byId('preview-form').addEventListener('submit', (event) => {
    event.preventDefault();
    preview();
  });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  byId('start-hint').textContent = `Empty: now. Read in this browser's time zone${zone ? ` (${zone})` : ''} and sent as UTC.`;
}

/** One destination's input, its try-count hint and its error; the first is required. */
function destinationField(index) {
  const id = `destination_${index}`;
  return element('div', { class: 'field' },
    element('label', { for: id }, `Destination ${index + 1}${index === 0 ? ' (required)' : ''}`),
    element('input', {
      id, name: id, required: index === 0, autocomplete: 'off', spellcheck: 'false',
      placeholder: index === 0 ? '+12125550100' : null, 'aria-describedby': `${id}-hint ${id}-error`,
    }),
    element('p', { id: `${id}-hint`, class: 'hint' }),
    element('p', { id: `${id}-error`, class: 'field-error' }));
}

/** Opens the screen: the list is read again each time (an outplan made meanwhile shows); the one chosen stays. */
export async function showOutplans() {
  const session = page.session();
  state.listing?.abort();
  const listing = new AbortController();
  state.listing = listing;
  const status = byId('outplans-status');
  status.replaceChildren(element('p', { class: 'banner loading' }, 'Reading the outplans…'));
  try {
    const { json } = await callApi('GET', `/v1.0/outplans?page_size=${pageSize}`, { signal: listing.signal });
    if (session !== page.session()) {
      return;
    }
    state.outplans = json.result;
    renderList();
    status.replaceChildren(element('p', { class: 'visually-hidden' }, `${counted(state.outplans.length, 'outplan')} listed.`));
  } catch (failure) {
    if (failure.name === 'AbortError' || session !== page.session() || page.signedOut(failure)) {
      return;
    }
    byId('outplan-list').hidden = true;
    status.replaceChildren(failureBanner(failure));
  } finally {
    if (state.listing === listing) {
      state.listing = null;
    }
  }
}

/** Forgets everything the screen showed (sign-out): the next person starts from a blank screen. */
export function clearOutplans() {
  for (const running of [state.listing, state.picking, state.previewing]) {
    running?.abort();
  }
  Object.assign(state, { outplans: [], selected: null, listing: null, picking: null, previewing: null });
  for (const id of ['outplans-status', 'outplans-body', 'outplans-caption', 'outplan-name', 'outplan-summary', 'window-status',
    'calling-window', 'schedule-status', 'schedule-summary', 'schedule-totals', 'schedule-destinations', 'schedule-empty',
    'attempts-caption', 'attempts-body']) {
    byId(id).replaceChildren();
  }
  for (const id of ['outplan-list', 'outplan-detail', 'schedule']) {
    byId(id).hidden = true;
  }
  byId('preview-form').reset();
  clearFieldErrors(previewForm);
  for (const index of [0, 1, 2, 3, 4]) {
    byId(`destination_${index}-hint`).textContent = '';
  }
}

// ---- The list -----------------------------------------------------------------------------------

function renderList() {
  const outplans = state.outplans;
  byId('outplan-list').hidden = false;
  byId('outplans-empty').hidden = outplans.length > 0;
  byId('outplans-scroll').hidden = outplans.length === 0;
  byId('outplans-hint').hidden = outplans.length === 0;
  byId('outplans-caption').textContent = outplans.length >= pageSize
    ? `The newest ${formatCount(pageSize)} outplans (the API's first page)`
    : `${counted(outplans.length, 'outplan')}, newest first`;
  byId('outplans-body').replaceChildren(...outplans.map(outplanRow));
  // The one chosen stays chosen if the list still has it, with what it has now.
  const chosen = outplans.find((outplan) => outplan.id === state.selected?.id);
  if (state.selected && !chosen) {
    forgetSelection();
  } else if (chosen) {
    state.selected = chosen;
    showStrategy(chosen);
  }
}

function outplanRow(outplan) {
  const chosen = state.selected?.id === outplan.id;
  const button = element('button', { type: 'button', class: 'pick', 'aria-current': chosen ? 'true' : false }, outplan.name || 'Unnamed outplan');
  button.addEventListener('click', () => pick(outplan.id));
  return element('tr', { class: chosen ? 'selected' : false, 'data-outplan-id': outplan.id },
    element('th', { scope: 'row', class: 'outplan-name' },
      button,
      element('span', { class: 'selected-mark', hidden: !chosen }, 'shown below'),
      outplan.detail ? element('span', { class: 'detail' }, outplan.detail) : null),
    element('td', { class: 'number dial-timeout' }, formatDuration(outplan.dial_timeout)),
    element('td', { class: 'number try-interval' }, formatDuration(outplan.try_interval)),
    element('td', { class: 'tries' }, tryCounts(outplan).join(', ')));
}

/** Marks the chosen row in place (the list is not rebuilt: the focus stays where it is). */
function markSelected() {
  for (const row of byId('outplans-body').querySelectorAll('tr')) {
    const chosen = row.dataset.outplanId === state.selected?.id;
    row.classList.toggle('selected', chosen);
    row.querySelector('.selected-mark').hidden = !chosen;
    const button = row.querySelector('button.pick');
    if (chosen) {
      button.setAttribute('aria-current', 'true');
    } else {
      button.removeAttribute('aria-current');
    }
  }
}

function forgetSelection() {
  state.picking?.abort();
  state.previewing?.abort();
  state.selected = null;
  byId('outplan-detail').hidden = true;
  markSelected();
}

// ---- The outplan chosen -------------------------------------------------------------------------

/** Shows the outplan chosen and reads its calling window; what was previewed for another goes. */
async function pick(id) {
  const outplan = state.outplans.find((candidate) => candidate.id === id);
  if (!outplan) {
    return;
  }
  const session = page.session();
  state.picking?.abort();
  state.previewing?.abort();
  const picking = new AbortController();
  state.picking = picking;
  state.selected = outplan;
  markSelected();

  byId('outplan-detail').hidden = false;
  showStrategy(outplan);
  hideSchedule();
  clearFieldErrors(previewForm);
  byId('calling-window').replaceChildren();
  byId('window-status').replaceChildren(element('p', { class: 'banner loading' }, 'Reading the calling window…'));
  byId('outplan-name').setAttribute('tabindex', '-1');
  byId('outplan-name').focus();

  try {
    const { json } = await callApi('GET', `/v1.0/outplans/${encodeURIComponent(id)}/calling_window`, { signal: picking.signal });
    if (session !== page.session() || state.picking !== picking) {
      return;
    }
    renderWindow(json);
    byId('window-status').replaceChildren(element('p', { class: 'visually-hidden' }, `The calling window of ${outplan.name}: ${windowInOneLine(json)}.`));
  } catch (failure) {
    if (failure.name === 'AbortError' || session !== page.session() || page.signedOut(failure)) {
      return;
    }
    byId('window-status').replaceChildren(failureBanner(failure));
  } finally {
    if (state.picking === picking) {
      state.picking = null;
    }
  }
}

/** The outplan's name, strategy and, beside each destination field, the tries its place gets. */
function showStrategy(outplan) {
  byId('outplan-name').textContent = outplan.name || 'Unnamed outplan';
  const counts = tryCounts(outplan);
  byId('outplan-summary').textContent = [
    outplan.detail,
    `rings ${formatDuration(outplan.dial_timeout)} before it counts as unanswered`,
    `tried again after ${formatDuration(outplan.try_interval)}`,
    `tries per destination ${counts.join(', ')}`,
  ].filter(Boolean).join(' · ');
  counts.forEach((count, index) => {
    byId(`destination_${index}-hint`).textContent = count === 0
      ? `0 tries: not called (max_try_count_${index})`
      : `${tries(count)} (max_try_count_${index})`;
  });
}

function renderWindow(window) {
  byId('calling-window').replaceChildren(...describeWindow(window).map(([key, title, value]) =>
    element('div', { class: 'fact', 'data-fact': key }, element('dt', {}, title), element('dd', {}, value))));
}

// ---- The schedule preview -----------------------------------------------------------------------

async function preview() {
  const outplan = state.selected;
  if (!outplan) {
    return;
  }
  clearFieldErrors(previewForm);
  const start = byId('start');
  const { body, problems } = previewRequest({
    destinations: [0, 1, 2, 3, 4].map((index) => byId(`destination_${index}`).value),
    start: start.value,
    startIsBad: start.validity.badInput,
  });
  if (problems.length > 0) {
    problems.forEach((problem, index) => showFieldError(previewForm, problem.field, problem.message, index === 0));
    return;
  }

  // A newer preview replaces one still running (the button stays usable: disabling it would drop the focus).
  const session = page.session();
  state.previewing?.abort();
  const previewing = new AbortController();
  state.previewing = previewing;
  byId('schedule').setAttribute('aria-busy', 'true');
  byId('schedule-status').replaceChildren(element('p', { class: 'banner loading' }, 'Previewing the schedule…'));
  try {
    const { json } = await callApi('POST', `/v1.0/outplans/${encodeURIComponent(outplan.id)}/schedule_preview`,
      { body, signal: previewing.signal });
    if (session !== page.session() || state.selected?.id !== outplan.id) {
      return;
    }
    renderSchedule(json);
    byId('schedule-status').replaceChildren(element('p', { class: 'visually-hidden' },
      `Schedule ready: ${counted(json.attempts.length, 'attempt')}.`));
  } catch (failure) {
    if (failure.name === 'AbortError' || session !== page.session() || page.signedOut(failure)) {
      return;
    }
    // The schedule shown was for another request: it goes rather than pass for this one's.
    hideSchedule();
    if (failure instanceof ApiError && failure.status === 400) {
      showFieldError(previewForm, previewFieldOfMessage(failure.message), failure.message);
    } else {
      byId('schedule-status').replaceChildren(failureBanner(failure));
    }
  } finally {
    if (state.previewing === previewing) {
      state.previewing = null;
      byId('schedule').removeAttribute('aria-busy');
    }
  }
}

function hideSchedule() {
  byId('schedule').hidden = true;
  byId('schedule').removeAttribute('aria-busy');
  byId('schedule-status').replaceChildren();
  byId('attempts-body').replaceChildren();
}

/** An instant, machine-readable in its datetime attribute (exactly as the API gave it) and in words. */
function time(instant, words) {
  return element('time', { datetime: instant }, words);
}

function renderSchedule(answer) {
  const summary = scheduleSummary(answer);
  byId('schedule').hidden = false;
  byId('schedule-summary').textContent = [
    state.selected.name,
    `from ${formatUtc(answer.start)}`,
    `rings ${formatDuration(answer.dial_timeout)}`,
    `tried again after ${formatDuration(answer.try_interval)}`,
    `window ${windowInOneLine(answer.calling_window)}`,
  ].join(' · ');

  const totals = [
    ['attempts', 'Attempts', formatCount(summary.attempts)],
    ['moved', 'Moved by the window', formatCount(summary.moved)],
    ['first_dial', 'First dial', summary.firstDial ? time(summary.firstDial, formatUtc(summary.firstDial)) : 'None'],
    ['last_ring_until', 'Last ring ends', summary.lastRingUntil ? time(summary.lastRingUntil, formatUtc(summary.lastRingUntil)) : 'None'],
  ];
  byId('schedule-totals').replaceChildren(...totals.map(([key, title, value]) =>
    element('div', { class: 'total', 'data-total': key }, element('dt', {}, title), element('dd', {}, value))));

  byId('schedule-destinations').replaceChildren(...summary.destinations.map((destination) => element('li', {
    'data-destination-index': destination.index,
  },
  element('span', { class: 'destination-index' }, `${destination.label}:`), ' ',
  element('span', { class: 'destination-number' }, destination.destination),
  ` · ${tries(destination.tries)}${destination.tries === 0 ? ' (not called)' : ''} · `,
  element('span', { class: 'zones' }, destination.zones.join(', ')), ' ',
  element('span', { class: 'zone-source', 'data-source': destination.source }, `(${destination.sourceWords})`))));

  const empty = byId('schedule-empty');
  empty.hidden = summary.emptyReason === null;
  empty.textContent = summary.emptyReason ?? '';

  const rows = attemptRows(answer);
  byId('attempts-caption').textContent = `${counted(rows.length, 'attempt')}, as the API lists them`;
  byId('attempts-body').replaceChildren(...rows.map(attemptRow));
  for (const part of [byId('attempts-caption').closest('.table-scroll'), byId('schedule').querySelector('.legend')]) {
    part.hidden = rows.length === 0;
  }
}

function attemptRow(row) {
  return element('tr', { class: row.moved ? 'row-moved' : false, 'data-moved': String(row.moved), 'data-destination-index': row.destinationIndex },
    element('th', { scope: 'row', class: 'number' }, String(row.number)),
    element('td', { class: 'destination' },
      element('span', { class: 'destination-index' }, row.destinationLabel), ' ',
      element('span', { class: 'destination-number' }, row.destination)),
    element('td', { class: 'number try' }, String(row.tryNumber)),
    element('td', { class: 'dial-at' }, time(row.dialAt, row.dialAtText)),
    element('td', { class: 'callee-times' }, row.calleeTimes.map((callee) => element('span', { class: 'callee-time', 'data-time-zone': callee.zone },
      time(callee.localTime, callee.text), ' ',
      element('span', { class: 'zone' }, `${callee.zone} (${callee.offset})`)))),
    element('td', { class: 'ring-until' }, time(row.ringUntil, row.ringUntilText)),
    element('td', { class: 'window-move' }, row.moved
      ? [element('span', { class: 'marker-moved', 'aria-hidden': 'true' }, '→ '), 'Moved by the window from ', time(row.dueAt, row.dueAtText)]
      : [element('span', { class: 'marker-even', 'aria-hidden': 'true' }, '= '), 'Dials when due']));
}
