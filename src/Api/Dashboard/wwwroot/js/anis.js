// The ANI health screen: each caller-ID number's dials, contacts and busiest days over a range, a
// page at a time, as GET /ani-planner/anis/usage answers them. Every figure shown is the API's own;
// the page only sorts the page's rows, marks the ANIs that dialled over the target on some days,
// and flags those whose last seven days' contact rate fell to under half the range's.

import { ApiError, callApi } from './api.js';
import { byId, counted, element, formatCount, formatPercent } from './dom.js';
import { clearFieldErrors, failureBanner, showFieldError } from './feedback.js';
import { firstNamed } from './fieldnames.js';
import { csvOf } from './regions.js';

// ---- The request ------------------------------------------------------------------------------

/** The request's fields, by the API's names; each one's input is #anis-<name>, its message #anis-<name>-error. */
export const usageFields = ['dateStart', 'dateEnd', 'dailyDialsTarget', 'pageSize', 'page'];

/** The form's id of a request field ("dateStart" → "anis-dateStart"): the planner's form has the bare names. */
export function inputId(field) {
  return `anis-${field}`;
}

const targetsByValue = { 50: 'BEST', 75: 'BETTER', 100: 'GOOD' };

/**
 * The query for GET /ani-planner/anis/usage from what the form holds, and what the form itself can
 * tell is wrong. Empty fields are left out, so that the API's defaults apply (the last 30 days
 * through yesterday, 100 a page, the first page); anything else typed is sent as typed, for the
 * API to judge.
 * @param {{dateStart?: string, dateEnd?: string, dailyDialsTarget?: string, pageSize?: string, page?: string,
 *   badInput?: string[]}} form the fields' values, and the fields whose input the browser could not read
 */
export function usageQuery(form) {
  const query = {};
  const problems = [];
  for (const field of usageFields) {
    const value = String(form[field] ?? '').trim();
    if (form.badInput?.includes(field)) {
      problems.push({
        field,
        message: field.startsWith('date')
          ? `${field} is not a whole date: complete it, or clear it for the default.`
          : `${field} is not a number: give a whole number, or clear it for the default.`,
      });
    } else if (value !== '') {
      query[field] = value;
    }
  }
  return { query, problems };
}

/** The request's address, its fields in a fixed order. */
export function usagePath(query) {
  const parameters = new URLSearchParams();
  for (const field of usageFields) {
    if (query[field] !== undefined && query[field] !== '') {
      parameters.set(field, String(query[field]));
    }
  }
  const text = parameters.toString();
  return `/ani-planner/anis/usage${text === '' ? '' : `?${text}`}`;
}

/**
 * The request field a 400 message is about: the field it names first ("pageSize must be …" is
 * pageSize's, not page's), the dates for a range that is too long or has no weekday, and null (the
 * form's foot) for anything else.
 */
export function usageFieldOfMessage(message) {
  return firstNamed(message, usageFields) ?? (/\brange\b/i.test(message) ? 'dateStart' : null);
}

// ---- The answer in words ----------------------------------------------------------------------

/**
 * A possible spam flag: the last seven days' contact rate under half the whole range's. Never
 * without dials in both (a null rate), nor when the range's rate is 0 (nothing to fall from).
 */
export function spamFlag(row) {
  return typeof row.contactRate === 'number' && typeof row.lastSevenDaysContactRate === 'number'
    && row.contactRate > 0 && row.lastSevenDaysContactRate < row.contactRate / 2;
}

/** Over the target on at least one day. */
export function overTarget(row) {
  return row.daysOverTarget > 0;
}

/** "▲ 6 days over", "▲ 1 day over"; null when never over. */
export function overTargetWords(row) {
  return overTarget(row) ? `▲ ${counted(row.daysOverTarget, 'day')} over` : null;
}

const statusNames = { active: 'Active', inactive: 'Inactive', removed: 'Removed' };

/** "Active, managed", "Inactive, not managed", and "Not in inventory" for a number that dialed but is not in it. */
export function statusWords(row) {
  if (row.status === null || row.status === undefined) {
    return 'Not in inventory';
  }
  const status = statusNames[row.status] ?? row.status;
  return row.managed === null || row.managed === undefined ? status : `${status}, ${row.managed ? 'managed' : 'not managed'}`;
}

/** "Los Angeles, CA"; the state alone, or "Unknown area" for a number no area is known for. */
export function regionWords(row) {
  return [row.region, row.state].filter((part) => part).join(', ') || 'Unknown area';
}

/** "213 · US": the area code and country, what is known of them. */
export function areaWords(row) {
  return [row.areaCode, row.country].filter((part) => part).join(' · ');
}

const decimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 61.7, 1,234.5: a figure the API gives with decimals, as given. */
export function formatDecimal(value) {
  return decimals.format(value);
}

/**
 * Which part of the total a page shows: its first and last ANI (counted from 1), the number of
 * pages, whether there are pages before and after it, and whether it is past the last one.
 */
export function pageInfo(answer) {
  const pages = Math.max(1, Math.ceil(answer.totalCount / answer.pageSize));
  const first = (answer.page - 1) * answer.pageSize + 1;
  const shown = answer.items.length;
  return {
    first: shown === 0 ? 0 : first,
    last: shown === 0 ? 0 : first + shown - 1,
    pages,
    pastEnd: shown === 0 && answer.totalCount > 0,
    previous: answer.page > 1 && answer.totalCount > 0 ? Math.min(answer.page - 1, pages) : null,
    next: answer.page < pages ? answer.page + 1 : null,
  };
}

/** The summary line: the range, its weekdays, the target, and the ANIs shown of all of them. */
export function summaryLine(answer) {
  const { first, last } = pageInfo(answer);
  return [
    `${answer.dateStart} to ${answer.dateEnd}`,
    counted(answer.bizDays, 'weekday'),
    `target ${formatCount(answer.dailyDialsTarget)} dials per ANI a day`,
    answer.items.length === 0
      ? `no ANI on this page of ${formatCount(answer.totalCount)}`
      : `ANIs ${formatCount(first)}–${formatCount(last)} of ${formatCount(answer.totalCount)}`,
  ].join(' · ');
}

// ---- The table and the CSV ---------------------------------------------------------------------

/**
 * The table's columns, in the order shown; value is what a column sorts by (null: no figure, last
 * either way).
 */
export const columns = [
  { key: 'number', title: 'Number', numeric: false, value: (row) => row.number },
  { key: 'region', title: 'Region', numeric: false, value: regionWords },
  { key: 'status', title: 'Status', numeric: false, value: statusWords },
  { key: 'dials', title: 'Dials', numeric: true, value: (row) => row.dials },
  { key: 'contacts', title: 'Contacts', numeric: true, value: (row) => row.contacts },
  { key: 'contactRate', title: 'Contact rate', numeric: true, value: (row) => row.contactRate },
  { key: 'lastSevenDaysContactRate', title: 'Last 7 days\' rate', numeric: true, value: (row) => row.lastSevenDaysContactRate },
  { key: 'activeDays', title: 'Active days', numeric: true, value: (row) => row.activeDays },
  { key: 'dailyDialsAverage', title: 'Daily dials average', numeric: true, value: (row) => row.dailyDialsAverage },
  { key: 'peakDailyDials', title: 'Peak daily dials', numeric: true, value: (row) => row.peakDailyDials },
  { key: 'daysOverTarget', title: 'Days over target', numeric: true, value: (row) => row.daysOverTarget },
  { key: 'lastDialed', title: 'Last dialed', numeric: false, value: (row) => row.lastDialed },
];

/**
 * The page's rows in the order asked: none, the API's (peak daily dials, busiest first); else by
 * one column up or down, ties in the API's order and rows without the figure (no dials) last.
 */
export function sortedRows(rows, sort = null) {
  const indexed = rows.map((row, index) => ({ row, index }));
  const column = sort && columns.find((candidate) => candidate.key === sort.key);
  if (column) {
    const direction = sort.direction === 'descending' ? -1 : 1;
    indexed.sort((a, b) => {
      const left = column.value(a.row);
      const right = column.value(b.row);
      const missing = (left === null || left === undefined) - (right === null || right === undefined);
      if (missing !== 0) {
        return missing;
      }
      if (left === null || left === undefined) {
        return a.index - b.index;
      }
      const order = column.numeric ? left - right : String(left).localeCompare(String(right), 'en', { numeric: true, sensitivity: 'base' });
      return direction * order || a.index - b.index;
    });
  }
  return indexed.map(({ row }) => row);
}

const figure = (value) => (value === null || value === undefined ? '' : String(value));

/** The CSV's columns: every field of the answer, in its order, and the page's two marks in words. */
export const csvColumns = [
  { title: 'Number', numeric: false, csv: (row) => row.number },
  { title: 'Country', numeric: false, csv: (row) => row.country ?? '' },
  { title: 'Area code', numeric: false, csv: (row) => row.areaCode ?? '' },
  { title: 'Region', numeric: false, csv: (row) => row.region ?? '' },
  { title: 'State', numeric: false, csv: (row) => row.state ?? '' },
  { title: 'Status', numeric: false, csv: (row) => row.status ?? 'not in inventory' },
  { title: 'Managed', numeric: false, csv: (row) => (row.managed === null || row.managed === undefined ? '' : row.managed ? 'yes' : 'no') },
  { title: 'Dials', numeric: true, csv: (row) => figure(row.dials) },
  { title: 'Contacts', numeric: true, csv: (row) => figure(row.contacts) },
  { title: 'Contact rate (%)', numeric: true, csv: (row) => figure(row.contactRate) },
  { title: 'Active days', numeric: true, csv: (row) => figure(row.activeDays) },
  { title: 'Daily dials average', numeric: true, csv: (row) => figure(row.dailyDialsAverage) },
  { title: 'Peak daily dials', numeric: true, csv: (row) => figure(row.peakDailyDials) },
  { title: 'Days over target', numeric: true, csv: (row) => figure(row.daysOverTarget) },
  { title: 'Last dialed', numeric: false, csv: (row) => row.lastDialed ?? '' },
  { title: 'Last 7 days contact rate (%)', numeric: true, csv: (row) => figure(row.lastSevenDaysContactRate) },
  { title: 'Possible spam flag', numeric: false, csv: (row) => (spamFlag(row) ? 'yes' : 'no') },
];

/** Rows as CSV by the rules of the plan's export (regions.js): RFC 4180, CRLF, formula cells defused. */
export const toCsv = csvOf;

// ---- The screen --------------------------------------------------------------------------------

/** The form, as feedback.js shows its errors. */
const usageForm = {
  fields: usageFields.map(inputId),
  foot: 'anis-form-error',
  announcer: 'anis-form-announcer',
  failed: 'The ANIs were not shown.',
  submit: 'anis-show',
};

const state = {
  answer: null, // the answer's data
  query: null, // the query that answer was asked with
  sort: null, // {key, direction}; null is the API's order
  running: null, // the AbortController of the request still running
};

/** What the screen needs of the page: the sign-in it runs for, and the 401 handling. */
let page = { session: () => 0, signedOut: () => false };

export function setUpAnis(given) {
  page = given;
  byId('anis-form').addEventListener('submit', (event) => {
    event.preventDefault();
    showFromForm();
  });
  // Other options make other pages: a new range starts from its first.
  for (const field of ['dateStart', 'dateEnd', 'dailyDialsTarget', 'pageSize']) {
    const input = byId(inputId(field));
    for (const kind of ['input', 'change']) {
      input.addEventListener(kind, () => {
        byId('anis-page').value = '1';
      });
    }
  }
  byId('anis-previous').addEventListener('click', () => turnPage('previous'));
  byId('anis-next').addEventListener('click', () => turnPage('next'));
  byId('anis-download-csv').addEventListener('click', downloadCsv);
  byId('anis-head').replaceChildren(...columns.map((column) => element('th', {
    scope: 'col',
    class: column.numeric ? 'number' : false,
    'data-column': column.key,
  }, element('button', { type: 'button', 'data-sort': column.key }, column.title, element('span', { class: 'sort-mark', 'aria-hidden': 'true' })))));
  for (const button of byId('anis-head').querySelectorAll('button')) {
    button.addEventListener('click', () => sortBy(button.dataset.sort));
  }
}

/** Opens the screen: the first time (or after a failure) it asks with the form as it stands, empty at first: the API's defaults. */
export function showAnis() {
  if (!state.answer && !state.running) {
    showFromForm();
  }
}

/** Forgets everything the screen showed (sign-out): the next person starts from a blank screen. */
export function clearAnis() {
  state.running?.abort();
  Object.assign(state, { answer: null, query: null, sort: null, running: null });
  for (const id of ['anis-status', 'anis-summary', 'anis-empty', 'anis-caption', 'anis-body', 'anis-page-of', 'anis-legend-target']) {
    byId(id).replaceChildren();
  }
  byId('anis-usage').hidden = true;
  byId('anis-usage').removeAttribute('aria-busy');
  byId('anis-form').reset();
  clearFieldErrors(usageForm);
}

function showFromForm() {
  clearFieldErrors(usageForm);
  const values = {};
  const badInput = [];
  for (const field of usageFields) {
    const input = byId(inputId(field));
    values[field] = input.value;
    if (input.validity.badInput) {
      badInput.push(field);
    }
  }
  const { query, problems } = usageQuery({ ...values, badInput });
  if (problems.length > 0) {
    problems.forEach((problem, index) => showFieldError(usageForm, inputId(problem.field), problem.message, index === 0));
    return;
  }
  ask(query);
}

/** The page before or after the one shown, of the same range (as the API resolved it), target and page size. */
function turnPage(way) {
  const answer = state.answer;
  const to = answer && pageInfo(answer)[way];
  if (!to) {
    return;
  }
  clearFieldErrors(usageForm);
  ask({ ...state.query, dateStart: answer.dateStart, dateEnd: answer.dateEnd, pageSize: String(answer.pageSize), page: String(to) });
}

async function ask(query) {
  const session = page.session();
  // A newer request replaces one still running (the buttons stay usable: disabling them would drop the focus).
  state.running?.abort();
  const running = new AbortController();
  state.running = running;
  const usage = byId('anis-usage');
  usage.setAttribute('aria-busy', 'true');
  byId('anis-status').replaceChildren(element('p', { class: 'banner loading' }, 'Reading the ANIs\' usage…'));
  try {
    const { json } = await callApi('GET', usagePath(query), { signal: running.signal });
    if (session !== page.session()) {
      return;
    }
    state.answer = json.data;
    state.query = query;
    showResolved(json.data);
    render();
    const { first, last } = pageInfo(json.data);
    const rows = json.data.items;
    byId('anis-status').replaceChildren(element('p', { class: 'visually-hidden' }, rows.length === 0
      ? `No ANI on this page: ${formatCount(json.data.totalCount)} in all.`
      : `ANIs ${formatCount(first)} to ${formatCount(last)} of ${formatCount(json.data.totalCount)} shown: `
        + `${formatCount(rows.filter(overTarget).length)} over the target, ${counted(rows.filter(spamFlag).length, 'possible spam flag')}.`));
  } catch (failure) {
    if (failure.name === 'AbortError' || session !== page.session() || page.signedOut(failure)) {
      return;
    }
    // The ANIs shown were for another request: they go rather than pass for this one's.
    state.answer = null;
    usage.hidden = true;
    byId('anis-status').replaceChildren();
    if (failure instanceof ApiError && failure.status === 400) {
      const field = usageFieldOfMessage(failure.message);
      showFieldError(usageForm, field === null ? null : inputId(field), failure.message);
    } else {
      byId('anis-status').replaceChildren(failureBanner(failure));
    }
  } finally {
    if (state.running === running) {
      state.running = null;
      usage.removeAttribute('aria-busy');
    }
  }
}

/** The form shows what the answer was made with, defaults resolved. */
function showResolved(answer) {
  byId('anis-dateStart').value = answer.dateStart;
  byId('anis-dateEnd').value = answer.dateEnd;
  byId('anis-dailyDialsTarget').value = targetsByValue[answer.dailyDialsTarget] ?? byId('anis-dailyDialsTarget').value;
  byId('anis-pageSize').value = String(answer.pageSize);
  byId('anis-page').value = String(answer.page);
}

function render() {
  const answer = state.answer;
  const info = pageInfo(answer);
  byId('anis-usage').hidden = false;
  byId('anis-summary').textContent = summaryLine(answer);
  byId('anis-legend-target').textContent = formatCount(answer.dailyDialsTarget);

  const empty = byId('anis-empty');
  empty.hidden = answer.items.length > 0;
  empty.textContent = answer.totalCount === 0
    ? `No ANIs with dials or in the inventory between ${answer.dateStart} and ${answer.dateEnd}: there is nothing to show. Choose another range, or add the company's ANIs to the inventory.`
    : `Page ${formatCount(answer.page)} is past the last page (${formatCount(info.pages)}): there are ${counted(answer.totalCount, 'ANI')}, ${formatCount(answer.pageSize)} a page.`;
  for (const part of [byId('anis-scroll'), byId('anis-legend'), byId('anis-tools')]) {
    part.hidden = answer.items.length === 0;
  }

  byId('anis-page-of').textContent = `Page ${formatCount(answer.page)} of ${formatCount(info.pages)}`;
  const pager = byId('anis-pager');
  pager.hidden = info.previous === null && info.next === null;
  const focused = document.activeElement;
  byId('anis-previous').disabled = info.previous === null;
  byId('anis-next').disabled = info.next === null;
  // The button pressed may have turned to the first or last page: the focus goes to the other, not to the page's start.
  if (focused?.disabled && pager.contains(focused)) {
    (focused.id === 'anis-next' ? byId('anis-previous') : byId('anis-next')).focus();
  }
  renderRows();
}

/** First click sorts up, the next down, the third back to the API's order. */
function sortBy(key) {
  const current = state.sort;
  state.sort = current?.key !== key ? { key, direction: 'ascending' }
    : current.direction === 'ascending' ? { key, direction: 'descending' }
      : null;
  renderRows();
}

function renderRows() {
  if (!state.answer) {
    return;
  }
  const rows = sortedRows(state.answer.items, state.sort);
  for (const header of byId('anis-head').querySelectorAll('th')) {
    const sorted = state.sort?.key === header.dataset.column;
    if (sorted) {
      header.setAttribute('aria-sort', state.sort.direction);
    } else {
      header.removeAttribute('aria-sort');
    }
    header.querySelector('.sort-mark').textContent = !sorted ? '' : state.sort.direction === 'ascending' ? '▲' : '▼';
  }
  const sortedBy = state.sort && columns.find((column) => column.key === state.sort.key);
  byId('anis-caption').textContent = `${counted(rows.length, 'ANI')} on this page, ${sortedBy
    ? `by ${sortedBy.title.toLocaleLowerCase('en')} (${state.sort.direction})`
    : 'busiest day first'}`;
  byId('anis-download-csv').textContent = `Download CSV (${counted(rows.length, 'row')})`;
  byId('anis-body').replaceChildren(...rows.map(aniRow));
}

/** A figure, or "none" (in words) where the API has none: no dials to count from. */
function figureCell(field, value, text, extra = {}) {
  const none = value === null || value === undefined;
  return element('td', { class: `number${none ? ' none' : ''}`, 'data-field': field, ...extra },
    element('span', { class: 'value' }, none ? 'none' : text));
}

function aniRow(row) {
  const over = overTarget(row);
  const flagged = spamFlag(row);
  return element('tr', {
    class: [over ? 'row-hot' : '', flagged ? 'row-flagged' : ''].filter(Boolean).join(' ') || false,
    'data-number': row.number,
    'data-over-target': String(over),
    'data-spam-flag': String(flagged),
  },
  element('th', { scope: 'row', class: 'ani-number', 'data-field': 'number' }, element('span', { class: 'value' }, row.number)),
  element('td', { class: 'ani-region', 'data-field': 'region' },
    element('span', { class: 'value' }, regionWords(row)),
    areaWords(row) ? element('span', { class: 'area' }, areaWords(row)) : null),
  element('td', { class: row.status ? 'ani-status' : 'ani-status not-in-inventory', 'data-field': 'status', 'data-status': row.status ?? 'none' },
    element('span', { class: 'value' }, statusWords(row))),
  figureCell('dials', row.dials, formatCount(row.dials)),
  figureCell('contacts', row.contacts, formatCount(row.contacts)),
  figureCell('contactRate', row.contactRate, formatPercent(row.contactRate)),
  lastSevenDaysCell(row, flagged),
  figureCell('activeDays', row.activeDays, formatCount(row.activeDays)),
  figureCell('dailyDialsAverage', row.dailyDialsAverage, formatDecimal(row.dailyDialsAverage)),
  figureCell('peakDailyDials', row.peakDailyDials, formatCount(row.peakDailyDials)),
  element('td', { class: `number over-target${over ? ' hot' : ''}`, 'data-field': 'daysOverTarget' }, over
    ? [element('span', { class: 'marker-hot', 'aria-hidden': 'true' }, '▲ '), element('span', { class: 'value' }, formatCount(row.daysOverTarget)),
      element('span', { class: 'over-words' }, ` ${row.daysOverTarget === 1 ? 'day' : 'days'} over`)]
    : element('span', { class: 'value' }, formatCount(row.daysOverTarget))),
  element('td', { class: `last-dialed${row.lastDialed ? '' : ' none'}`, 'data-field': 'lastDialed' }, row.lastDialed
    ? element('time', { class: 'value', datetime: row.lastDialed }, row.lastDialed)
    : element('span', { class: 'value' }, 'none')));
}

function lastSevenDaysCell(row, flagged) {
  const cell = figureCell('lastSevenDaysContactRate', row.lastSevenDaysContactRate, row.lastSevenDaysContactRate === null ? '' : formatPercent(row.lastSevenDaysContactRate));
  if (flagged) {
    cell.classList.add('flagged');
    cell.append(element('span', { class: 'spam-flag' },
      element('span', { class: 'marker-flag', 'aria-hidden': 'true' }, '⚑ '), 'possible spam flag'));
  }
  return cell;
}

function downloadCsv() {
  const answer = state.answer;
  if (!answer) {
    return;
  }
  // The byte order mark lets spreadsheet programs read the file as UTF-8.
  const file = new Blob(['\uFEFF', toCsv(csvColumns, sortedRows(answer.items, state.sort))], { type: 'text/csv;charset=utf-8' });
  const link = element('a', {
    href: URL.createObjectURL(file),
    download: `ani-health-${answer.dateStart}-to-${answer.dateEnd}-page-${answer.page}.csv`,
  });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
