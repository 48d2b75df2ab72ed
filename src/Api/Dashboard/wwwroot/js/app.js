// The dashboard: sign in, then three screens. The ANI Planner: choose the plan's options, read the
// plan; every figure shown is the API's own answer to POST /ani-planner/generate, the page
// computes none of them. The Outplans screen is outplans.js's, the ANI health screen anis.js's.

import { clearAnis, setUpAnis, showAnis } from './anis.js';
import { ApiError, callApi, currentCredential, forgetCredential, keepCredential } from './api.js';
import { drawChart } from './chart.js';
import { byId, counted, element, formatCount, formatDifference, formatPercent } from './dom.js';
import { clearFieldErrors as clearErrorsOf, failureBanner, showFieldError as showErrorOf } from './feedback.js';
import { fieldOfMessage, planFields, readOptions, showResolvedOptions } from './options.js';
import { clearOutplans, setUpOutplans, showOutplans } from './outplans.js';
import { columns, standing, toCsv, visibleRows } from './regions.js';

const view = {
  plan: null, // the answer's data
  planText: '', // the answer exactly as it came, for "Copy JSON"
  sort: null, // {key, direction}; null is the contract's order
  running: null, // the AbortController of the plan being generated
  session: 0, // counts sign-ins and sign-outs: an answer that arrives for an earlier one is dropped
};

/** The screens a signed-in person switches between (the links of #screens, by their #hash). */
const screens = {
  planner: { view: 'planner-view', title: 'ANI Planner', heading: 'planner-title' },
  outplans: { view: 'outplans-view', title: 'Outplans', heading: 'outplans-title' },
  anis: { view: 'anis-view', title: 'ANI health', heading: 'anis-title' },
};

document.addEventListener('DOMContentLoaded', start);

function start() {
  byId('password-form').addEventListener('submit', signInWithPassword);
  byId('key-form').addEventListener('submit', signInWithKey);
  byId('sign-out').addEventListener('click', () => signOut('You are signed out.'));
  byId('plan-form').addEventListener('submit', (event) => {
    event.preventDefault();
    generate();
  });
  for (const radio of document.querySelectorAll('input[name="campaignMode"]')) {
    radio.addEventListener('change', syncCampaignChoices);
  }
  byId('region-search').addEventListener('input', renderRows);
  byId('row-filter').addEventListener('change', renderRows);
  byId('download-csv').addEventListener('click', downloadCsv);
  byId('copy-json').addEventListener('click', copyJson);
  // A screen is a #hash: its links, Back and Forward and a reload all lead to it. Other hashes (the skip link's) leave it.
  window.addEventListener('hashchange', () => {
    if (currentCredential() && screenOfHash() !== null) {
      showScreen(screenOfHash(), { focus: true });
    }
  });
  setUpOutplans({ session: () => view.session, signedOut: handleSignedOut });
  setUpAnis({ session: () => view.session, signedOut: handleSignedOut });
  let resizing;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => view.plan && drawChart(byId('chart'), view.plan), 150);
  });
  buildTableHead();

  if (currentCredential()) {
    enterPlanner();
  } else {
    showSignIn();
  }
}

// ---- Signing in and out -------------------------------------------------------------------

function showSignIn(notice = '', isError = false) {
  for (const screen of Object.values(screens)) {
    byId(screen.view).hidden = true;
  }
  byId('screens').hidden = true;
  byId('who').hidden = true;
  byId('sign-in-view').hidden = false;
  const banner = byId('sign-in-notice');
  banner.textContent = notice;
  banner.hidden = notice === '';
  banner.classList.toggle('error', isError);
  byId('username').focus();
}

async function signInWithPassword(event) {
  event.preventDefault();
  const username = byId('username').value.trim();
  const password = byId('password').value;
  const error = byId('password-error');
  if (username === '' || password === '') {
    error.textContent = 'Enter your username and password.';
    return;
  }
  error.textContent = '';
  await signingIn(event.target, async () => {
    const { json } = await callApi('POST', '/auth/login', { body: { username, password }, credential: null });
    keepCredential(json.token, 'user');
    byId('password').value = '';
    return null;
  }, error);
}

async function signInWithKey(event) {
  event.preventDefault();
  const key = byId('access-key').value.trim();
  const error = byId('key-error');
  if (key === '') {
    error.textContent = 'Paste an access key.';
    return;
  }
  error.textContent = '';
  await signingIn(event.target, async () => {
    // Checked before it is kept: a mistyped key is told here, not as a failed plan.
    const { json: caller } = await callApi('GET', '/v1.0/me', { credential: { token: key } });
    keepCredential(key, 'accesskey');
    byId('access-key').value = '';
    return caller;
  }, error);
}

/**
 * Runs one sign-in (its form's button off meanwhile, so a double submit is one), then opens the
 * planner with the caller the sign-in already asked for, if it did.
 */
async function signingIn(form, obtainCredential, error) {
  const button = form.querySelector('button[type="submit"]');
  if (button.disabled) {
    return;
  }
  button.disabled = true;
  let caller;
  try {
    caller = await obtainCredential();
  } catch (failure) {
    error.textContent = failure instanceof ApiError ? failure.message : String(failure);
    return;
  } finally {
    button.disabled = false;
  }
  await enterPlanner(caller);
}

/** Forgets the credential and everything shown with it: the next person starts from a blank page. */
function signOut(notice, isError = false) {
  view.session++;
  view.running?.abort();
  forgetCredential();
  view.plan = null;
  view.planText = '';
  view.sort = null;
  byId('plan').hidden = true;
  byId('plan-status').replaceChildren();
  byId('campaign-list').replaceChildren();
  byId('plan-form').reset();
  byId('region-search').value = '';
  byId('row-filter').value = 'all';
  byId('copy-status').replaceChildren();
  byId('copy-fallback').replaceChildren();
  byId('who-name').textContent = '';
  clearFieldErrors();
  clearOutplans();
  clearAnis();
  // The next person starts on the first screen: the address forgets this one's too.
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  showScreenOnly('planner');
  showSignIn(notice, isError);
}

/** Any answer may say the credential is gone (expired, revoked): back to sign-in, saying so. */
function handleSignedOut(failure) {
  if (failure instanceof ApiError && failure.status === 401) {
    signOut(`Please sign in again: ${failure.message}`, true);
    return true;
  }
  return false;
}

// ---- The screens -----------------------------------------------------------------------------

function screenOfHash() {
  const name = location.hash.slice(1);
  return Object.hasOwn(screens, name) ? name : null;
}

/** Shows one screen, marks its link as the current page, and names it in the title. */
function showScreenOnly(name) {
  for (const [key, screen] of Object.entries(screens)) {
    byId(screen.view).hidden = key !== name;
  }
  for (const link of document.querySelectorAll('#screens a[data-screen]')) {
    if (link.dataset.screen === name) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  byId('brand-screen').textContent = screens[name].title;
  document.title = `${screens[name].title} · AniPlanner`;
}

/** Switches screens (signed in): the focus goes to the new screen's heading; Outplans reads its list, ANI health its ANIs when none are shown yet. */
function showScreen(name, { focus = false } = {}) {
  showScreenOnly(name);
  if (focus) {
    byId(screens[name].heading).focus();
  }
  if (name === 'outplans') {
    showOutplans();
  }
  if (name === 'anis') {
    showAnis();
  }
}

// ---- The planner ----------------------------------------------------------------------------

/**
 * Opens the dashboard for the tab's credential, on the screen the address names (the planner
 * otherwise); who it is is asked unless the sign-in knows already. The planner's first plan is
 * made whichever screen is shown, so that it is there when the planner is opened.
 */
async function enterPlanner(knownCaller = null) {
  const session = ++view.session;
  byId('sign-in-view').hidden = true;
  byId('screens').hidden = false;
  showScreen(screenOfHash() ?? 'planner');
  byId('main').focus();
  try {
    const caller = knownCaller ?? (await callApi('GET', '/v1.0/me')).json;
    if (session !== view.session) {
      return;
    }
    byId('who-name').textContent = describeCaller(caller);
    byId('who').hidden = false;
  } catch (failure) {
    showFailure(failure, session);
    return;
  }
  if (await loadCampaigns(session) && session === view.session) {
    await generate({ useDefaults: true });
  }
}

function describeCaller(caller) {
  const who = caller.credential_type === 'user' ? caller.username
    : caller.credential_type === 'platform' ? 'the platform administrator key'
      : `access key "${caller.name || 'unnamed'}"`;
  const company = caller.customer_name ? ` · ${caller.customer_name}` : '';
  const permission = caller.permission ? ` (${caller.permission})` : '';
  return `Signed in as ${who}${permission}${company}`;
}

/** Fills the campaign filter with the company's dialing campaigns; false when the page cannot go on. */
async function loadCampaigns(session) {
  try {
    const { json } = await callApi('GET', '/ani-planner/campaigns');
    if (session !== view.session) {
      return false;
    }
    const dialing = json.data.filter((campaign) => campaign.campaignType !== 'inbound');
    const list = byId('campaign-list');
    list.replaceChildren(...dialing.map((campaign) => element('label', {},
      element('input', { type: 'checkbox', name: 'campaign', value: campaign.internalIdentifier }),
      campaign.name,
      element('span', { class: 'identifier' }, campaign.internalIdentifier))));
    if (dialing.length === 0) {
      list.append(element('p', { class: 'hint' }, 'The company has no outbound or autodial campaign yet.'));
    }
    syncCampaignChoices();
    return true;
  } catch (failure) {
    showFailure(failure, session);
    return false;
  }
}

function syncCampaignChoices() {
  const mode = document.querySelector('input[name="campaignMode"]:checked').value;
  for (const box of document.querySelectorAll('#campaign-list input[type="checkbox"]')) {
    box.disabled = mode === 'all';
  }
}

/** Asks for the plan with the form's options (or none: the contract's defaults) and shows it. */
async function generate({ useDefaults = false } = {}) {
  clearFieldErrors();
  const options = useDefaults ? { body: {}, problems: [] } : readOptions();
  if (options.problems.length > 0) {
    // Every problem beside its field, the focus on the first.
    options.problems.forEach((problem, index) => showFieldError(problem.field, problem.message, index === 0));
    return;
  }

  // A newer request replaces one still running (the button stays usable: disabling it would drop the keyboard focus).
  view.running?.abort();
  const running = new AbortController();
  view.running = running;
  byId('plan').setAttribute('aria-busy', 'true');
  byId('plan-status').replaceChildren(element('p', { class: 'banner loading' }, 'Generating the plan…'));
  try {
    const { json, text } = await callApi('POST', '/ani-planner/generate', { body: options.body, signal: running.signal });
    view.plan = json.data;
    view.planText = text;
    showResolvedOptions(json.data);
    renderPlan();
    byId('plan-status').replaceChildren(element('p', { class: 'visually-hidden' },
      `Plan ready: ${counted(json.data.regionStats.length, 'region')}, ${formatCount(json.data.totalDials)} dials.`));
  } catch (failure) {
    if (failure.name === 'AbortError' || handleSignedOut(failure)) {
      return;
    }
    // The plan shown was for other options: it goes rather than pass for this one's.
    view.plan = null;
    view.planText = '';
    byId('plan').hidden = true;
    byId('plan-status').replaceChildren();
    if (failure instanceof ApiError && failure.status === 400) {
      showFieldError(fieldOfMessage(failure.message), failure.message);
    } else {
      showStatusError(failure);
    }
  } finally {
    if (view.running === running) {
      view.running = null;
      byId('plan').removeAttribute('aria-busy');
    }
  }
}

/** A failure of the sign-in's own session (later ones are dropped): sign-in again for a 401, else the banner. */
function showFailure(failure, session) {
  if (session === view.session && !handleSignedOut(failure)) {
    showStatusError(failure);
  }
}

function showStatusError(failure) {
  byId('plan-status').replaceChildren(failureBanner(failure));
}

// ---- Field errors ---------------------------------------------------------------------------

/** The plan's form, as feedback.js shows its errors: the campaign filter's focus is its checked mode. */
const planForm = {
  fields: planFields,
  foot: 'form-error',
  announcer: 'form-announcer',
  failed: 'The plan was not made.',
  submit: 'generate',
  inputOf: (field) => (field === 'campaigns' ? document.querySelector('input[name="campaignMode"]:checked') : byId(field)),
  marksInvalid: (field) => field !== 'campaigns',
};

function showFieldError(field, message, focus = true) {
  showErrorOf(planForm, field, message, focus);
}

function clearFieldErrors() {
  clearErrorsOf(planForm);
}

// ---- The plan -------------------------------------------------------------------------------

const countryNames = { us: 'United States', ca: 'Canada', uk: 'United Kingdom' };
const groupings = { area_code: 'grouped by the area code called', ani: "grouped by the ANI's area code", zip: "grouped by the prospect's ZIP" };
const inventories = { managed: 'active managed ANIs counted', all: 'all but removed ANIs counted' };

function renderPlan() {
  const plan = view.plan;
  byId('plan').hidden = false;
  byId('copy-status').replaceChildren();
  byId('copy-fallback').replaceChildren();
  byId('plan-summary').textContent = [
    countryNames[plan.country] ?? plan.country,
    `${plan.dateStart} to ${plan.dateEnd}`,
    counted(plan.bizDays, 'weekday'),
    `target ${plan.dailyDialsTarget} dials per ANI a day`,
    groupings[plan.groupBy] ?? plan.groupBy,
    inventories[plan.inventoryMode] ?? plan.inventoryMode,
    `${plan.selectedCampaigns.length} of ${plan.campaigns.length} campaigns`,
  ].join(' · ');

  // Dials that fit no row (no ZIP under zip grouping, say) are still dials: the range is not empty then.
  const empty = byId('empty-notice');
  empty.hidden = plan.totalDials + (plan.unmappedDials ?? 0) > 0;
  empty.textContent = `No dials between ${plan.dateStart} and ${plan.dateEnd} in the chosen campaigns: there is nothing to plan from. Choose another range or other campaigns.`;
  byId('zip-warning').hidden = !plan.missingZipData;

  renderTotals(plan);
  byId('chart-figure').hidden = plan.regionStats.length === 0;
  drawChart(byId('chart'), plan);
  renderRows();
}

function renderTotals(plan) {
  const difference = plan.aniDifference;
  const totals = [
    ['totalDials', 'Dials', formatCount(plan.totalDials)],
    ['totalContacts', 'Contacts', formatCount(plan.totalContacts)],
    ['overallContactRate', 'Contact rate', formatPercent(plan.overallContactRate)],
    ['totalCurrentAnis', 'Current ANIs', formatCount(plan.totalCurrentAnis)],
    ['totalProposedAnis', 'Proposed ANIs', formatCount(plan.totalProposedAnis)],
    ['aniDifference', difference > 0 ? 'ANIs to add ▲' : difference < 0 ? 'ANIs over ▼' : 'Difference', formatDifference(difference)],
    ['tollFreeRecommendation', 'Toll-free recommendation', formatCount(plan.tollFreeRecommendation)],
    ['unmappedDials', 'Dials in no region', formatCount(plan.unmappedDials ?? 0)],
    ['missingZipData', 'ZIP data missing', plan.missingZipData ? 'Yes' : 'No'],
  ];
  byId('totals').replaceChildren(...totals.map(([key, title, value]) => element('div', {
    class: `total${key === 'aniDifference' && difference !== 0 ? ` ${difference > 0 ? 'add' : 'over'}` : ''}`,
    'data-total': key,
  }, element('dt', {}, title), element('dd', {}, value))));
}

function buildTableHead() {
  byId('regions-head').replaceChildren(...columns.map((column) => element('th', {
    scope: 'col',
    class: column.numeric ? 'number' : false,
    'data-column': column.key,
  }, element('button', { type: 'button', 'data-sort': column.key }, column.title, element('span', { class: 'sort-mark', 'aria-hidden': 'true' })))));
  for (const button of document.querySelectorAll('#regions-head button')) {
    button.addEventListener('click', () => sortBy(button.dataset.sort));
  }
}

/** First click sorts up, the next down, the third back to the contract's order. */
function sortBy(key) {
  const current = view.sort;
  view.sort = current?.key !== key ? { key, direction: 'ascending' }
    : current.direction === 'ascending' ? { key, direction: 'descending' }
      : null;
  renderRows();
}

function currentRows() {
  return view.plan ? visibleRows(view.plan.regionStats, {
    search: byId('region-search').value,
    show: byId('row-filter').value,
    sort: view.sort,
  }) : [];
}

function renderRows() {
  if (!view.plan) {
    return;
  }
  const rows = currentRows();
  for (const header of document.querySelectorAll('#regions-head th')) {
    const sorted = view.sort?.key === header.dataset.column;
    if (sorted) {
      header.setAttribute('aria-sort', view.sort.direction);
    } else {
      header.removeAttribute('aria-sort');
    }
    header.querySelector('.sort-mark').textContent = !sorted ? '' : view.sort.direction === 'ascending' ? '▲' : '▼';
  }

  const all = view.plan.regionStats.length;
  byId('regions-caption').textContent = rows.length === all
    ? `${counted(all, 'region')}${view.sort ? '' : ', busiest first'}`
    : `${rows.length} of ${all} regions`;
  byId('download-csv').textContent = `Download CSV (${counted(rows.length, 'row')})`;

  const body = byId('regions-body');
  if (rows.length === 0) {
    body.replaceChildren(element('tr', { class: 'empty-row' },
      element('td', { colspan: columns.length }, all === 0 ? 'The plan has no region rows.' : 'No region matches the search.')));
    return;
  }
  body.replaceChildren(...rows.map(regionRow));
}

const standingWords = { add: 'add ANIs', over: 'over-provisioned', even: 'as proposed' };
const standingMarks = { add: '▲', over: '▼', even: '=' };

function regionRow(row) {
  const state = standing(row);
  return element('tr', { class: `row-${state}`, 'data-standing': state },
    element('th', { scope: 'row', class: 'region' }, row.region),
    element('td', {}, row.state),
    element('td', { class: 'area-codes' }, row.areaCodes.join(' ')),
    element('td', { class: 'number' }, formatCount(row.dailyDialsAverage)),
    element('td', { class: 'number' }, formatCount(row.currentAnis)),
    element('td', { class: 'number' }, formatCount(row.proposedAnis)),
    element('td', { class: 'number difference' },
      element('span', { class: `marker-${state}`, 'aria-hidden': 'true' }, `${standingMarks[state]} `),
      element('span', { class: 'value' }, formatDifference(row.difference)),
      element('span', { class: 'visually-hidden' }, ` (${standingWords[state]})`)));
}

// ---- Export ---------------------------------------------------------------------------------

function downloadCsv() {
  const plan = view.plan;
  // The byte order mark lets spreadsheet programs read the file as UTF-8 (county names).
  const file = new Blob(['\uFEFF', toCsv(currentRows())], { type: 'text/csv;charset=utf-8' });
  const link = element('a', { href: URL.createObjectURL(file), download: `ani-plan-${plan.dateStart}-to-${plan.dateEnd}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/**
 * The API's answer onto the clipboard. Where the browser has no clipboard API (a page served over
 * plain http from another host) or refuses it, the JSON is put in a box, selected, and copied the
 * old way; failing that too, the box stays for the person to copy from.
 */
async function copyJson() {
  const status = byId('copy-status');
  const fallback = byId('copy-fallback');
  fallback.replaceChildren();
  try {
    await navigator.clipboard.writeText(view.planText);
    status.textContent = 'The plan\'s JSON is on the clipboard.';
    return;
  } catch {
    // Below: the box.
  }
  const box = element('textarea', { readonly: true, rows: 8, class: 'json-box', 'aria-label': 'The plan as JSON' });
  box.value = view.planText;
  fallback.replaceChildren(box);
  box.focus();
  box.select();
  status.textContent = document.execCommand('copy')
    ? 'The plan\'s JSON is on the clipboard.'
    : 'The browser refused the clipboard: the JSON is selected in the box below, copy it from there.';
}
