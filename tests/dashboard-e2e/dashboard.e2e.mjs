// The dashboard in a real browser (Debian's chromium, driven by playwright-core) against a running
// service with the demo company: what the page shows is compared with what the API answers for
// the same request. Run by tests/AniPlanner.FunctionalTests/Dashboard/DashboardBrowserTests.cs,
// which starts the published service on a fresh database; by hand:
//   ANIPLANNER_URL=http://127.0.0.1:5080 ANIPLANNER_PLATFORM_KEY=... node dashboard.e2e.mjs

import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { describeWindow, formatDuration } from '../../src/Api/Dashboard/wwwroot/js/schedule.js';

const service = required('ANIPLANNER_URL').replace(/\/$/, '');
const username = process.env.ANIPLANNER_DEMO_USERNAME ?? 'demo';
const password = process.env.ANIPLANNER_DEMO_PASSWORD ?? 'demo-admin-password';
const demoKey = process.env.ANIPLANNER_DEMO_KEY ?? 'anip_demo_2f6c1e0b7a9d4c38';
const platformKey = required('ANIPLANNER_PLATFORM_KEY');
const screenshots = process.env.ANIPLANNER_SCREENSHOTS ?? 'screenshots';
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;
let context;
let page;
let token;
let chosen; // the non-default options the page was given, as the test chose them (not read back from the page)
let outplans; // GET /v1.0/outplans's answer for the demo company
let previewed; // {id, body}: the schedule preview the page asked for, as it sent it
const foreignRequests = [];
const browserErrors = [];

before(async () => {
  token = (await api('POST', '/auth/login', { username, password }, null)).json.token;
  // The demo company has fewer ANIs than it needs everywhere; a dozen in Boston (617) make one
  // over-provisioned row to see.
  const boston = Array.from({ length: 12 }, (_, index) => ({ number: `+1617555${String(index).padStart(4, '0')}`, status: 'active', managed: true }));
  assert.equal((await api('POST', '/ani-planner/anis', boston)).json.data.upserted, 12);
  await mkdir(screenshots, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // As the machine's notes say: no sandbox as root, no GPU, and no calls home (the network is closed).
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'en-US' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: service });
  page = await context.newPage();
  page.on('request', (request) => {
    if (!request.url().startsWith(`${service}/`) && !request.url().startsWith('blob:') && !request.url().startsWith('data:')) {
      foreignRequests.push(request.url());
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error') {
      browserErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => browserErrors.push(error.message));
});

after(async () => {
  await browser?.close();
});

describe('the ANI Planner dashboard', () => {
  it('is where the root sends a browser, and asks to sign in', async () => {
    await page.goto(`${service}/`);
    assert.equal(page.url(), `${service}/dashboard/`);
    await page.locator('#sign-in-view').waitFor();
    assert.equal(await page.locator('#planner-view').isVisible(), false);
    assert.deepEqual(await accessibilityViolations(), [], 'the sign-in passes axe-core\'s WCAG 2.1 A and AA rules');
  });

  it('says so at the form when the password is wrong', async () => {
    const refused = await api('POST', '/auth/login', { username, password: 'not the password' }, null, { expect: 401 });
    await page.fill('#username', username);
    await page.fill('#password', 'not the password');
    await page.click('#password-form button[type="submit"]');
    await expectText('#password-error', refused.message);
    assert.equal(await page.locator('#planner-view').isVisible(), false);
  });

  it('signs in and shows the plan the contract\'s defaults give', async () => {
    await page.fill('#password', password);
    await page.click('#password-form button[type="submit"]');
    const expected = await plan(await waitForFirstPlan());
    assert.equal(await page.inputValue('#dateStart'), expected.dateStart, 'the default start as the contract resolves it');
    assert.equal(await page.inputValue('#dateEnd'), expected.dateEnd, 'the default end (yesterday)');
    assert.equal(await page.inputValue('#dailyDialsTarget'), 'BETTER');
    assert.deepEqual(await shownRows(), expected.regionStats);
    assert.deepEqual(await shownTotals(), totalsOf(expected));
    assert.match(await page.textContent('#who-name'), /demo \(admin\) · Demo Company/);
    assert.ok(await page.evaluate(() => sessionStorage.length === 1), 'the credential is in session storage');
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'and nowhere that outlives the tab');
  });

  it('generates with other options: the rows and totals are the API\'s for the same options', async () => {
    const campaigns = await page.$$eval('#campaign-list input[type="checkbox"]', (boxes) => boxes.map((box) => box.value));
    assert.ok(campaigns.length >= 2, `the demo company has campaigns to filter by: ${campaigns}`);
    const start = firstOfPreviousMonth(yesterday());
    const options = {
      dateStart: start, dateEnd: yesterday(), dailyDialsTarget: 'GOOD', groupBy: 'ani', inventoryMode: 'all',
      campaignsExclude: [campaigns.at(-1)],
    };
    chosen = options;
    await page.fill('#dateStart', options.dateStart);
    await page.fill('#dateEnd', options.dateEnd);
    await page.selectOption('#dailyDialsTarget', 'GOOD');
    await page.selectOption('#groupBy', 'ani');
    await page.selectOption('#inventoryMode', 'all');
    await page.check('input[name="campaignMode"][value="exclude"]');
    await page.check(`#campaign-list input[value="${campaigns.at(-1)}"]`);
    await generate();

    const expected = await plan(options);
    assert.equal(expected.selectedCampaigns.length, campaigns.length - 1, 'one campaign left out');
    assert.ok(expected.regionStats.length > 3, 'a plan with rows to compare');
    assert.deepEqual(await shownRows(), expected.regionStats);
    assert.deepEqual(await shownTotals(), totalsOf(expected));
    assert.match(await page.textContent('#plan-summary'), new RegExp(`${start} to ${options.dateEnd}`));
    const additions = await page.$$eval('#regions-body tr[data-standing="add"] .difference', (cells) => cells.map((cell) => cell.textContent));
    assert.equal(additions.length, expected.regionStats.filter((row) => row.difference > 0).length);
    assert.ok(additions.every((text) => text.startsWith('▲') && text.includes('(add ANIs)')), `rows to add are marked in words and signs, not colour alone: ${additions}`);
    const surplus = await page.$$eval('#regions-body tr[data-standing="over"] .difference', (cells) => cells.map((cell) => cell.textContent));
    assert.equal(surplus.length, expected.regionStats.filter((row) => row.difference < 0).length);
    assert.ok(surplus.length > 0 && surplus.every((text) => text.startsWith('▼') && text.includes('(over-provisioned)')), `over-provisioned rows too: ${surplus}`);
    assert.deepEqual(await accessibilityViolations(), [], 'the plan passes axe-core\'s WCAG 2.1 A and AA rules');
  });

  it('sorts by any column, by mouse and by keyboard, and back to the contract\'s order', async () => {
    const expected = (await plan(chosen)).regionStats;
    await page.click('th[data-column="currentAnis"] button');
    assert.deepEqual((await shownRows()).map((row) => row.currentAnis), expected.map((row) => row.currentAnis).sort((a, b) => a - b));
    assert.equal(await page.getAttribute('th[data-column="currentAnis"]', 'aria-sort'), 'ascending');

    await page.focus('th[data-column="region"] button');
    await page.keyboard.press('Enter');
    assert.deepEqual((await shownRows()).map((row) => row.region), expected.map((row) => row.region).sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' })));
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('th[data-column="region"]', 'aria-sort'), 'descending');
    await page.keyboard.press('Enter');
    assert.deepEqual(await shownRows(), expected, 'the third press restores the contract\'s order');
  });

  it('searches regions and states, and shows only rows to add or only over-provisioned ones', async () => {
    const expected = (await plan(chosen)).regionStats;
    const state = expected[0].state;
    await page.fill('#region-search', state.toLowerCase());
    const found = await shownRows();
    assert.deepEqual(found, expected.filter((row) => `${row.region}\n${row.state}`.toLowerCase().includes(state.toLowerCase())));
    await page.fill('#region-search', 'no region is called this');
    await expectText('#regions-body', 'No region matches the search.');
    await page.fill('#region-search', '');

    await page.selectOption('#row-filter', 'over');
    assert.ok(expected.some((row) => row.difference < 0));
    assert.deepEqual(await shownRows(), expected.filter((row) => row.difference < 0));
    await page.selectOption('#row-filter', 'add');
    assert.deepEqual(await shownRows(), expected.filter((row) => row.difference > 0));
    await page.selectOption('#row-filter', 'all');
  });

  it('downloads the table as CSV with the same columns and numbers', async () => {
    const expected = (await plan(chosen)).regionStats;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...lines] = parseCsv(text);
    assert.deepEqual(header, await page.$$eval('#regions-head th', (cells) => cells.map((cell) => cell.querySelector('button').firstChild.textContent)));
    assert.deepEqual(header, ['Region', 'State', 'Area codes', 'Daily dials average', 'Current ANIs', 'Proposed ANIs', 'Difference']);
    assert.deepEqual(lines.map(rowOfCells), expected);
    assert.match(download.suggestedFilename(), /^ani-plan-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('copies the plan\'s JSON: the API\'s answer', async () => {
    const expected = await api('POST', '/ani-planner/generate', chosen);
    await page.click('#copy-json');
    await expectText('#copy-status', 'on the clipboard');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.deepEqual(JSON.parse(copied), expected.json);
    await page.screenshot({ path: `${screenshots}/dashboard-plan.png`, fullPage: true });
  });

  it('offers the JSON in a box to copy from where the browser has no clipboard for the page', async () => {
    await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
    await page.click('#copy-json');
    const box = page.locator('#copy-fallback textarea');
    await box.waitFor();
    assert.deepEqual(JSON.parse(await box.inputValue()), (await api('POST', '/ani-planner/generate', chosen)).json);
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'TEXTAREA', 'the box has the focus, its text selected');
    await page.evaluate(() => delete navigator.clipboard); // the browser's own clipboard back
  });

  it('fits a phone\'s width: nothing but the table scrolls sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      form: document.querySelector('#plan-form').getBoundingClientRect().right,
      chart: document.querySelector('#chart svg').getBoundingClientRect().right,
    }));
    assert.ok(widths.page <= 390 && widths.form <= 390 && widths.chart <= 390, JSON.stringify(widths));
    assert.deepEqual(await accessibilityViolations(), [], 'at a phone\'s width too');
    await page.screenshot({ path: `${screenshots}/dashboard-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('reaches every option and the generate button by keyboard', async () => {
    await page.focus('#dateStart');
    const reached = [];
    for (let step = 0; step < 40 && !reached.includes('generate'); step++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement.id || document.activeElement.getAttribute('name') || document.activeElement.tagName));
    }
    for (const field of ['dateEnd', 'dailyDialsTarget', 'groupBy', 'inventoryMode', 'campaignMode', 'generate']) {
      assert.ok(reached.includes(field), `${field} is reached by Tab: ${reached}`);
    }
    await page.keyboard.press('Enter');
    await waitForPlan();
  });

  it('says it is loading while the plan is made', async () => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/ani-planner/generate', async (route) => {
      await held;
      await route.continue();
    });
    await page.click('#generate');
    await expectText('#plan-status .loading', 'Generating the plan');
    assert.equal(await page.getAttribute('#plan', 'aria-busy'), 'true');
    release();
    await waitForPlan();
    await page.unroute('**/ani-planner/generate');
  });

  it('says what went wrong when the service fails or cannot be reached', async () => {
    const busy = 'The database stayed busy and the request did not complete: send it again.';
    await page.route('**/ani-planner/generate', (route) => route.fulfill({
      status: 503, contentType: 'application/json', headers: { 'Retry-After': '2', 'X-Request-Id': 'req-503' },
      body: JSON.stringify({ success: false, message: busy }),
    }));
    await page.click('#generate');
    await expectText('#plan-status .error', `${busy} (try again in 2 s) (request req-503)`);
    assert.equal(await page.locator('#plan').isVisible(), false);
    await page.unroute('**/ani-planner/generate');

    await page.route('**/ani-planner/generate', (route) => route.abort('connectionrefused'));
    await page.click('#generate');
    await expectText('#plan-status .error', 'The service could not be reached');
    await page.unroute('**/ani-planner/generate');
    await generate();
  });

  it('shows a 400 beside the field its message names', async () => {
    const options = { dateStart: '2026-03-10', dateEnd: '2026-03-02' };
    const refused = await api('POST', '/ani-planner/generate', options, token, { expect: 400 });
    await page.fill('#dateStart', options.dateStart);
    await page.fill('#dateEnd', options.dateEnd);
    await page.click('#generate');
    await expectText('#dateStart-error', refused.message);
    assert.equal(await page.locator('#plan').isVisible(), false, 'the plan of other options is not left standing as if it were this one\'s');
    assert.equal(await page.getAttribute('#dateStart', 'aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'dateStart', 'focus moves to the field');
    assert.equal(await page.textContent('#dateEnd-error'), '');

    // What the form can tell by itself is told the same way, before anything is sent.
    await page.check('input[name="campaignMode"][value="include"]');
    for (const box of await page.$$('#campaign-list input:checked')) {
      await box.uncheck();
    }
    await page.click('#generate');
    await expectText('#campaigns-error', 'Check at least one campaign');
    await page.check('input[name="campaignMode"][value="all"]');
  });

  it('places every kind of 400 the API gives for a plan at the field it names', async () => {
    const cases = [
      [{ dateStart: '2026-13-01' }, 'dateStart'],
      [{ dateEnd: 'yesterday' }, 'dateEnd'],
      [{ dateStart: '2024-01-01', dateEnd: '2025-12-31' }, 'dateStart'],
      [{ dateStart: '2026-03-07', dateEnd: '2026-03-08' }, 'dateStart'],
      [{ dailyDialsTarget: 'MOST' }, 'dailyDialsTarget'],
      [{ groupBy: 'city' }, 'groupBy'],
      [{ inventoryMode: 'some' }, 'inventoryMode'],
      [{ campaigns: ['no-such-campaign'] }, 'campaigns'],
      [{ campaignsExclude: ['no-such-campaign'] }, 'campaigns'],
      [{ campaigns: ['a'], campaignsExclude: ['b'] }, 'campaigns'],
    ];
    for (const [body, field] of cases) {
      const refused = await api('POST', '/ani-planner/generate', body, token, { expect: 400 });
      const placed = await page.evaluate(async (message) => (await import('./js/options.js')).fieldOfMessage(message), refused.message);
      assert.equal(placed, field, `"${refused.message}" belongs at ${field}`);
    }
  });

  it('says plainly when the range holds no dials', async () => {
    const options = { dateStart: '2025-03-03', dateEnd: '2025-03-07', dailyDialsTarget: 'BEST', groupBy: 'area_code', inventoryMode: 'managed' };
    await page.fill('#dateStart', options.dateStart);
    await page.fill('#dateEnd', options.dateEnd);
    await page.selectOption('#dailyDialsTarget', options.dailyDialsTarget);
    await page.selectOption('#groupBy', options.groupBy);
    await page.selectOption('#inventoryMode', options.inventoryMode);
    await page.check('input[name="campaignMode"][value="all"]');
    await generate();
    const expected = await plan(options);
    assert.equal(expected.totalDials, 0);
    await expectText('#empty-notice', 'No dials between 2025-03-03 and 2025-03-07');
    assert.deepEqual(await shownTotals(), totalsOf(expected));
  });

  it('switches to the Outplans screen by keyboard and lists the outplans GET /v1.0/outplans answers', async () => {
    outplans = (await api('GET', '/v1.0/outplans?page_size=100')).json.result;
    await page.focus('#screen-outplans');
    await page.keyboard.press('Enter');
    await page.locator('#outplans-view').waitFor();
    await page.locator('#outplan-list').waitFor();
    assert.equal(await page.locator('#planner-view').isVisible(), false, 'one screen at a time');
    assert.equal(await page.getAttribute('#screen-outplans', 'aria-current'), 'page');
    assert.equal(await page.getAttribute('#screen-planner', 'aria-current'), null);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'outplans-title', 'the focus goes to the screen it opened');
    assert.equal(await page.title(), 'Outplans · AniPlanner');
    assert.equal(new URL(page.url()).hash, '#outplans');

    assert.deepEqual(await shownOutplans(), outplans.map((outplan) => ({
      id: outplan.id,
      name: outplan.name,
      ringTimeout: formatDuration(outplan.dial_timeout),
      retryInterval: formatDuration(outplan.try_interval),
      tries: [0, 1, 2, 3, 4].map((index) => outplan[`max_try_count_${index}`]).join(', '),
    })));
    // The demo company's three, in words a person reads.
    const byName = Object.fromEntries((await shownOutplans()).map((shown) => [shown.name, [shown.ringTimeout, shown.retryInterval, shown.tries]]));
    assert.deepEqual(byName['Emergency Alert'], ['45 s', '10 min', '5, 5, 0, 0, 0']);
    assert.deepEqual(byName['Sales Standard'], ['30 s', '2 h', '3, 2, 0, 0, 0']);
    assert.deepEqual(byName['Appointment Reminder'], ['25 s', '1 h', '2, 0, 0, 0, 0']);
    assert.equal(await page.locator('#outplans-empty').isVisible(), false);
  });

  it('shows the calling window of the outplan chosen, as its calling_window answers', async () => {
    const sales = outplanNamed('Sales Standard');
    const window = (await api('GET', `/v1.0/outplans/${sales.id}/calling_window`)).json;
    assert.deepEqual(window, { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00', time_zone: 'callee', quiet_hours: true });
    await pickOutplan(sales);
    assert.deepEqual(await shownWindow(), {
      days: 'Mon–Fri', hours: '09:00–18:00', time_zone: 'callee\'s local time', quiet_hours: 'On: calls start only 08:00–21:00 callee\'s local time',
    });
    assert.equal(await page.textContent('#outplan-name'), 'Sales Standard');
    assert.equal(await page.getAttribute(`#outplans-body tr[data-outplan-id="${sales.id}"] button`, 'aria-current'), 'true');
    assert.match(await page.textContent(`#outplans-body tr[data-outplan-id="${sales.id}"]`), /shown below/, 'the row chosen says so in words');
    assert.deepEqual(await page.$$eval('.destination-fields .field .hint', (hints) => hints.slice(0, 3).map((hint) => hint.textContent)),
      ['3 tries (max_try_count_0)', '2 tries (max_try_count_1)', '0 tries: not called (max_try_count_2)'], 'each destination says the tries its place gets');

    // An outplan that never had a window shows the default the API answers for it.
    for (const other of outplans.filter((outplan) => outplan.id !== sales.id)) {
      const itsWindow = (await api('GET', `/v1.0/outplans/${other.id}/calling_window`)).json;
      await pickOutplan(other);
      assert.deepEqual(await shownWindow(), Object.fromEntries(describeWindow(itsWindow).map(([key, , value]) => [key, value])), other.name);
    }
    const emergency = (await api('GET', `/v1.0/outplans/${outplanNamed('Emergency Alert').id}/calling_window`)).json;
    assert.deepEqual(emergency, { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00', time_zone: 'callee', quiet_hours: true });

    // A reload keeps the screen (it is the address's #outplans); the outplan is chosen again.
    await page.reload();
    await page.locator('#outplan-list').waitFor();
    assert.equal(await page.locator('#outplans-view').isVisible(), true);
    await waitForPlanReady();
    await pickOutplan(sales);
  });

  it('previews the schedule: every row shown is the API\'s own answer for the same request', async () => {
    const sales = outplanNamed('Sales Standard');
    // A Friday: 15:00 in New York (inside its window), 20:00 in London (after its 18:00 close).
    const start = '2026-11-27T20:00:00.000Z';
    await page.fill('#destination_0', '+12125550100');
    await page.fill('#destination_1', '+442079460000');
    await page.fill('#start', await page.evaluate(localInputValue, start));
    // By keyboard: from the first destination through the others and the start (its date and time parts are Tab stops of their own) to the button.
    await page.focus('#destination_0');
    const reached = [];
    for (let step = 0; step < 20 && !reached.includes('preview'); step++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement.id));
    }
    for (const field of ['destination_1', 'destination_2', 'destination_3', 'destination_4', 'start', 'preview']) {
      assert.ok(reached.includes(field), `${field} is reached by Tab: ${reached}`);
    }
    const [request] = await Promise.all([
      page.waitForRequest((sent) => sent.method() === 'POST' && sent.url().endsWith(`/v1.0/outplans/${sales.id}/schedule_preview`)),
      page.keyboard.press('Enter'),
    ]);
    previewed = { id: sales.id, body: request.postDataJSON() };
    assert.deepEqual(previewed.body, { destinations: ['+12125550100', '+442079460000'], start }, 'the start typed in the browser\'s zone, sent as the instant it is');
    await waitForSchedule();

    const expected = (await api('POST', `/v1.0/outplans/${sales.id}/schedule_preview`, previewed.body)).json;
    assert.ok(expected.attempts.length > 0, 'a schedule with attempts to compare');
    const shown = await shownAttempts();
    assert.deepEqual(shown.map(({ words, texts, ...row }) => row), expected.attempts.map((attempt) => ({
      destination_index: attempt.destination_index,
      destination: attempt.destination,
      try_number: attempt.try_number,
      dial_at: attempt.dial_at,
      ring_until: attempt.ring_until,
      moved_by_window: attempt.moved_by_window,
      due_at: attempt.moved_by_window ? attempt.due_at : null,
      callee_times: attempt.callee_times,
    })));
    for (const [index, row] of shown.entries()) {
      const attempt = expected.attempts[index];
      assert.ok(row.texts.dialAt.includes(attempt.dial_at.slice(11, 16)), `the dial time in words: ${row.texts.dialAt}`);
      attempt.callee_times.forEach((callee, at) => assert.ok(row.texts.callees[at].includes(callee.local_time.slice(11, 16)) && row.texts.callees[at].includes(callee.time_zone),
        `the callee's wall clock and zone in words: ${row.texts.callees[at]}`));
      assert.ok(row.moved_by_window ? row.words.startsWith('→') && row.words.includes('Moved by the window from') : row.words.startsWith('=') && row.words.includes('Dials when due'),
        `moved or not in a marker and words, not colour alone: ${row.words}`);
      // The answer agrees with itself: a move is a later dial, every callee time is the dial's instant.
      assert.equal(attempt.moved_by_window, attempt.due_at !== attempt.dial_at, `moved_by_window is due_at != dial_at: ${JSON.stringify(attempt)}`);
      assert.ok(attempt.callee_times.every((callee) => Date.parse(callee.local_time) === Date.parse(attempt.dial_at)), `callee times are the dial's instant: ${JSON.stringify(attempt)}`);
    }
    assert.ok(shown.some((row) => row.moved_by_window) && shown.some((row) => !row.moved_by_window), 'this start has dials the window moved and dials it did not');
    assert.ok(shown.some((row) => row.destination_index === 0) && shown.some((row) => row.destination_index === 1));

    const totals = await page.$$eval('#schedule-totals [data-total]', (all) => Object.fromEntries(all.map((total) =>
      [total.dataset.total, total.querySelector('time')?.getAttribute('datetime') ?? total.querySelector('dd').textContent])));
    assert.deepEqual(totals, {
      attempts: String(expected.attempts.length),
      moved: String(expected.attempts.filter((attempt) => attempt.moved_by_window).length),
      first_dial: expected.attempts.map((attempt) => attempt.dial_at).sort()[0],
      last_ring_until: expected.last_ring_until,
    });
    assert.equal(expected.last_ring_until, expected.attempts.map((attempt) => attempt.ring_until).sort().at(-1), 'last_ring_until is the last ring_until');
    const destinations = await page.$$eval('#schedule-destinations li', (items) => items.map((item) => ({
      index: Number(item.dataset.destinationIndex),
      destination: item.querySelector('.destination-number').textContent,
      zones: item.querySelector('.zones').textContent,
      source: item.querySelector('.zone-source').dataset.source,
      words: item.querySelector('.zone-source').textContent,
    })));
    assert.deepEqual(destinations.map(({ words, ...destination }) => destination), expected.destinations.map((destination) => ({
      index: destination.destination_index, destination: destination.destination, zones: destination.time_zones.join(', '), source: destination.time_zone_source,
    })));
    assert.deepEqual(expected.destinations.map((destination) => [destination.time_zones, destination.time_zone_source, destination.max_try_count]),
      [[['America/New_York'], 'number', 3], [['Europe/London'], 'number', 2]]);
    assert.deepEqual(destinations.map((destination) => destination.words), ['(from the number)', '(from the number)']);
    assert.deepEqual(await page.evaluate(() => document.querySelectorAll('#attempts-body tr').length), expected.attempts.length);
  });

  it('says why a schedule has no attempt', async () => {
    // The demo outplans give the first place tries, so this answer is staged, in the API's shape.
    const sales = outplanNamed('Sales Standard');
    const real = (await api('POST', `/v1.0/outplans/${sales.id}/schedule_preview`, previewed.body)).json;
    const none = { ...real, destinations: real.destinations.map((destination) => ({ ...destination, max_try_count: 0 })), attempts: [], last_ring_until: null };
    await page.route('**/schedule_preview', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(none) }));
    await page.click('#preview');
    await waitForSchedule();
    await expectText('#schedule-empty', 'No call would be placed: the outplan\'s try count is 0 for destination 1 (max_try_count_0) and destination 2 (max_try_count_1)');
    assert.equal(await page.locator('#attempts').isVisible(), false);
    assert.deepEqual(await page.$$eval('#schedule-totals dd', (all) => all.map((dd) => dd.textContent)), ['0', '0', 'None', 'None']);
    await page.unroute('**/schedule_preview');
    await page.click('#preview');
    await waitForSchedule();
    assert.equal(await page.locator('#schedule-empty').isVisible(), false);
  });

  it('shows a preview\'s 400 at the destination or start it names', async () => {
    const sales = outplanNamed('Sales Standard');
    const path = `/v1.0/outplans/${sales.id}/schedule_preview`;
    const second = await api('POST', path, { destinations: ['+12125550100', '+1555'], start: previewed.body.start }, token, { expect: 400 });
    assert.match(second.message, /destinations\[1\]/);
    await page.fill('#destination_1', '+1555');
    await page.click('#preview');
    await expectText('#destination_1-error', second.message);
    assert.equal(await page.getAttribute('#destination_1', 'aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'destination_1', 'focus moves to the field');
    assert.equal(await page.textContent('#destination_0-error'), '');
    assert.equal(await page.locator('#schedule').isVisible(), false, 'the schedule of another request is not left standing as if it were this one\'s');

    const first = await api('POST', path, { destinations: ['+1555'], start: previewed.body.start }, token, { expect: 400 });
    await page.fill('#destination_0', '+1555');
    await page.fill('#destination_1', '');
    await page.click('#preview');
    await expectText('#destination_0-error', first.message);
    assert.equal(await page.getAttribute('#destination_0', 'aria-invalid'), 'true');
    assert.equal(await page.getAttribute('#destination_1', 'aria-invalid'), null, 'the earlier error is cleared');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'destination_0');

    // What the form can tell by itself is told the same way, before anything is sent.
    await page.fill('#destination_0', '');
    await page.fill('#destination_1', '+12125550100');
    await page.click('#preview');
    await expectText('#destination_0-error', 'Enter the first destination');

    // Every kind of 400 the API gives for a preview belongs at a field.
    // Tokyo's 12:00-18:00 is 22:00-04:00 in New York: never inside its quiet hours, while London's 03:00-09:00 is, from 08:00.
    const tokyo = { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '12:00', end: '18:00', time_zone: 'Asia/Tokyo', quiet_hours: true };
    const late = { days: ['mon'], start: '22:00', end: '24:00', time_zone: 'callee', quiet_hours: true };
    const inline = { dial_timeout: 30000, try_interval: 7200000, max_try_count_0: 1, max_try_count_1: 1, max_try_count_2: 0, max_try_count_3: 0, max_try_count_4: 0 };
    const cases = [
      [path, { destinations: ['+12125550100', '+1555'] }, 'destination_1'],
      [path, { destinations: [] }, 'destination_0'],
      [path, { destinations: ['+12125550100', '+12125550101', '+12125550102', '+12125550103', '+12125550104', '+12125550105'] }, 'destination_0'],
      [path, { destinations: ['+12125550100', ''] }, 'destination_1'],
      [path, { destinations: ['hello'] }, 'destination_0'],
      [path, { destinations: ['+12125550100'], start: '2026-11-25 14:00' }, 'start'],
      [path, { destinations: ['+12125550100'], start: '2026-11-25T14:00:00' }, 'start'],
      ['/v1.0/schedule_preview', { ...inline, calling_window: tokyo, destinations: ['+442079460000', '+12125550100'] }, 'destination_1'],
      ['/v1.0/schedule_preview', { ...inline, calling_window: late, destinations: ['+12125550100'] }, null],
    ];
    for (const [to, body, field] of cases) {
      const refused = await api('POST', to, body, token, { expect: 400 });
      const placed = await page.evaluate(async (message) => (await import('./js/schedule.js')).previewFieldOfMessage(message), refused.message);
      assert.equal(placed, field, `"${refused.message}" belongs at ${field}`);
    }

    await page.fill('#destination_0', previewed.body.destinations[0]);
    await page.fill('#destination_1', previewed.body.destinations[1]);
    await page.click('#preview');
    await waitForSchedule();
    assert.equal(await page.getAttribute('#destination_0', 'aria-invalid'), null);
  });

  it('passes axe-core\'s WCAG 2.1 A and AA rules on the Outplans screen, and fits a phone\'s width', async () => {
    assert.deepEqual(await accessibilityViolations(), [], 'the Outplans screen passes axe-core\'s WCAG 2.1 A and AA rules');
    await page.screenshot({ path: `${screenshots}/dashboard-schedule.png`, fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth);
    const widths = await page.evaluate(() => Object.fromEntries(['#screens', '#outplan-list', '#calling-window', '#preview-form', '#schedule-totals', '#schedule-destinations', '#schedule .table-scroll']
      .map((selector) => [selector, document.querySelector(selector).getBoundingClientRect().right]).concat([['page', document.documentElement.scrollWidth]])));
    assert.ok(Object.values(widths).every((right) => right <= 390), JSON.stringify(widths));
    assert.deepEqual(await accessibilityViolations(), [], 'at a phone\'s width too');
    await page.screenshot({ path: `${screenshots}/dashboard-schedule-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('signs out from the Outplans screen: nothing of it is left, and a late answer is dropped', async () => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/schedule_preview', async (route) => {
      await held;
      await route.continue().catch(() => {}); // the page gave up on it at the sign-out
    });
    await page.click('#preview');
    await expectText('#schedule-status .loading', 'Previewing the schedule');
    await page.click('#sign-out');
    await page.locator('#sign-in-view').waitFor();
    release();
    await page.waitForTimeout(500);
    await page.unroute('**/schedule_preview');

    const left = await page.evaluate(() => ({
      credential: sessionStorage.length,
      hash: location.hash,
      screens: document.querySelector('#screens').hidden,
      outplansView: document.querySelector('#outplans-view').hidden,
      outplans: document.querySelectorAll('#outplans-body tr').length,
      detail: document.querySelector('#outplan-detail').hidden,
      name: document.querySelector('#outplan-name').textContent,
      window: document.querySelectorAll('#calling-window .fact').length,
      schedule: document.querySelector('#schedule').hidden,
      attempts: document.querySelectorAll('#attempts-body tr').length,
      destinations: document.querySelectorAll('#schedule-destinations li').length,
      inputs: [...document.querySelectorAll('#preview-form input')].map((input) => input.value).join(''),
      status: document.querySelector('#schedule-status').textContent + document.querySelector('#outplans-status').textContent,
    }));
    assert.deepEqual(left, {
      credential: 0, hash: '', screens: true, outplansView: true, outplans: 0, detail: true, name: '', window: 0, schedule: true,
      attempts: 0, destinations: 0, inputs: '', status: '',
    }, 'nothing of the signed-out session is left for the next person');

    // The next sign-in starts on the planner.
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('#password-form button[type="submit"]');
    await waitForFirstPlan();
    assert.equal(await page.locator('#outplans-view').isVisible(), false);
    assert.equal(await page.getAttribute('#screen-planner', 'aria-current'), 'page');
    assert.equal(await page.title(), 'ANI Planner · AniPlanner');
  });

  it('opens ANI health by keyboard: the API\'s defaults, and every figure its answer', async () => {
    // One number outside the inventory that dialled hard weeks ago and reaches nobody now: the
    // possible spam flag to see (the demo's own ANIs keep their contact rate).
    await seedFallingAni();
    const expected = await usage({});
    assert.ok(expected.items.some((item) => item.number === fallingAni), 'the ANI seeded is in the default range');
    await page.focus('#screen-anis');
    await page.keyboard.press('Enter');
    await waitForAnis();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'anis-title', 'the focus goes to the screen it opened');
    assert.equal(await page.getAttribute('#screen-anis', 'aria-current'), 'page');
    assert.equal(await page.locator('#planner-view').isVisible(), false, 'one screen at a time');
    assert.equal(await page.title(), 'ANI health · AniPlanner');
    assert.equal(new URL(page.url()).hash, '#anis');

    assert.deepEqual(await anisForm(), { dateStart: expected.dateStart, dateEnd: expected.dateEnd, dailyDialsTarget: 'BETTER', pageSize: '100', page: '1' },
      'the API\'s defaults, as it resolved them');
    assert.equal(expected.dateEnd, yesterday());
    assert.equal(expected.dateStart, daysBefore(yesterday(), 29), 'the last 30 days through yesterday');
    assert.deepEqual([expected.dailyDialsTarget, expected.page, expected.pageSize], [75, 1, 100]);
    assert.deepEqual(await shownAnis(), expected.items.map(anisShownOf));
    assert.equal(await page.textContent('#anis-summary'),
      `${expected.dateStart} to ${expected.dateEnd} · ${expected.bizDays} weekdays · target 75 dials per ANI a day · ANIs 1–${expected.items.length} of ${expected.totalCount}`);
    assert.equal(await page.textContent('#anis-caption'), `${expected.items.length} ANIs on this page, busiest day first`);
    assert.equal(await page.locator('#anis-pager').isVisible(), false, 'one page: nothing to turn');
    assert.equal(await page.locator('#anis-empty').isVisible(), false);

    // Over the target: the row and the count marked with a sign and words, not colour alone.
    const marks = await page.$$eval('#anis-body tr', (rows) => rows.map((row) => ({
      number: row.dataset.number, hot: row.classList.contains('row-hot'), over: row.dataset.overTarget, cell: row.querySelector('[data-field="daysOverTarget"]').textContent,
      flag: row.dataset.spamFlag, rate: row.querySelector('[data-field="lastSevenDaysContactRate"]').textContent,
    })));
    const overs = expected.items.filter((item) => item.daysOverTarget > 0);
    assert.ok(overs.length > 0 && overs.length < expected.items.length, 'ANIs over the target and ANIs not');
    for (const [index, item] of expected.items.entries()) {
      const over = item.daysOverTarget > 0;
      assert.deepEqual([marks[index].hot, marks[index].over], [over, String(over)], item.number);
      assert.equal(marks[index].cell, over ? `▲ ${item.daysOverTarget} ${item.daysOverTarget === 1 ? 'day' : 'days'} over` : String(item.daysOverTarget), item.number);
      // The spam flag: the last 7 days' rate under half the range's, said in words.
      const flagged = item.lastSevenDaysContactRate !== null && item.contactRate > 0 && item.lastSevenDaysContactRate < item.contactRate / 2;
      assert.equal(marks[index].flag, String(flagged), item.number);
      assert.equal(marks[index].rate.includes('possible spam flag'), flagged, `${item.number}: ${marks[index].rate}`);
    }
    const falling = expected.items.find((item) => item.number === fallingAni);
    assert.deepEqual([falling.status, falling.managed, falling.dials, falling.contacts, falling.contactRate, falling.lastSevenDaysContactRate], [null, null, 120, 60, 50, 0]);
    assert.deepEqual(marks.filter((mark) => mark.flag === 'true').map((mark) => mark.number), [fallingAni], 'the seeded ANI alone is flagged');
    assert.match(await page.textContent('#anis-legend'), /days over the target of 75 dials/);
    assert.deepEqual(await accessibilityViolations(), [], 'ANI health passes axe-core\'s WCAG 2.1 A and AA rules');
    await page.screenshot({ path: `${screenshots}/dashboard-anis.png`, fullPage: true });
  });

  it('sorts ANI health by any column, by mouse and by keyboard, and back to the API\'s order', async () => {
    const expected = (await usage({})).items;
    const numbers = async () => (await shownAnis()).map((row) => row.number);
    const ordered = (key, direction) => expected.map((item, index) => ({ item, index })).sort((a, b) => {
      const [left, right] = [a.item[key], b.item[key]];
      if ((left === null) !== (right === null)) {
        return left === null ? 1 : -1; // no figure: last either way
      }
      return (left === null ? 0 : (direction === 'ascending' ? 1 : -1) * (left - right)) || a.index - b.index;
    }).map(({ item }) => item.number);

    for (const key of ['dials', 'contactRate', 'lastSevenDaysContactRate', 'peakDailyDials', 'daysOverTarget', 'activeDays', 'dailyDialsAverage', 'contacts']) {
      await page.click(`#anis-head th[data-column="${key}"] button`);
      assert.deepEqual(await numbers(), ordered(key, 'ascending'), `${key} up`);
      assert.equal(await page.getAttribute(`#anis-head th[data-column="${key}"]`, 'aria-sort'), 'ascending');
      await page.click(`#anis-head th[data-column="${key}"] button`);
      assert.deepEqual(await numbers(), ordered(key, 'descending'), `${key} down`);
      assert.equal(await page.getAttribute(`#anis-head th[data-column="${key}"]`, 'aria-sort'), 'descending');
      assert.equal(await page.$$eval('#anis-head th[aria-sort]', (headers) => headers.length), 1, 'one column sorted at a time');
      await page.click(`#anis-head th[data-column="${key}"] button`);
      assert.deepEqual(await numbers(), expected.map((item) => item.number), 'the third click restores the API\'s order');
      assert.equal(await page.getAttribute(`#anis-head th[data-column="${key}"]`, 'aria-sort'), null);
    }
    assert.ok(expected.some((item) => item.contactRate === null), 'an ANI without dials, sorted last either way');

    // By keyboard, on text: the number, then the region (in words, any case).
    await page.focus('#anis-head th[data-column="region"] button');
    await page.keyboard.press('Enter');
    const regions = expected.map((item) => `${item.region}, ${item.state}`);
    assert.deepEqual((await shownAnis()).map((row) => row.region), [...regions].sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' })));
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('#anis-head th[data-column="region"]', 'aria-sort'), 'descending');
    assert.match(await page.textContent('#anis-caption'), /by region \(descending\)/);
    await page.keyboard.press('Enter');
    assert.deepEqual(await shownAnis(), expected.map(anisShownOf), 'the third press restores the API\'s order');
    await page.click('#anis-head th[data-column="number"] button');
    assert.deepEqual(await numbers(), expected.map((item) => item.number).sort());
    await page.click('#anis-head th[data-column="number"] button');
    await page.click('#anis-head th[data-column="number"] button');
  });

  it('pages through the ANIs with the page size chosen, as the API pages them', async () => {
    // A size that makes three pages of the demo's ANIs (its dozen, the test's dozen in Boston, the one seeded).
    const all = await usage({});
    assert.ok(all.totalCount >= 7 && all.items.length === all.totalCount, `the ANIs fit one default page: ${all.totalCount}`);
    const size = Math.ceil(all.totalCount / 3);
    await page.fill('#anis-pageSize', String(size));
    assert.equal(await page.inputValue('#anis-page'), '1', 'another option starts from the first page');
    // By keyboard, from the range to the button.
    await page.focus('#anis-dateStart');
    const reached = [];
    for (let step = 0; step < 20 && !reached.includes('anis-show'); step++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement.id));
    }
    for (const field of ['anis-dateEnd', 'anis-dailyDialsTarget', 'anis-pageSize', 'anis-page', 'anis-show']) {
      assert.ok(reached.includes(field), `${field} is reached by Tab: ${reached}`);
    }
    await page.keyboard.press('Enter');
    await waitForAnis();
    const query = { dateStart: all.dateStart, dateEnd: all.dateEnd, dailyDialsTarget: 'BETTER', pageSize: String(size) };
    const first = await usage({ ...query, page: 1 });
    assert.equal(Math.ceil(first.totalCount / size), 3);
    assert.deepEqual(await shownAnis(), first.items.map(anisShownOf));
    assert.deepEqual(first.items, all.items.slice(0, size), 'the first page is the start of the whole list');
    assert.equal(await page.textContent('#anis-page-of'), 'Page 1 of 3');
    assert.match(await page.textContent('#anis-summary'), new RegExp(`ANIs 1–${size} of ${first.totalCount}$`));
    assert.deepEqual(await pagerState(), { previous: 'off', next: 'on' });

    // Next, by keyboard: the same range (as the API resolved it), target and size, the next page.
    await page.focus('#anis-next');
    const [second] = await Promise.all([page.waitForRequest((sent) => sent.url().includes('/ani-planner/anis/usage')), page.keyboard.press('Enter')]);
    assert.deepEqual(Object.fromEntries(new URL(second.url()).searchParams), { ...query, page: '2' });
    await waitForAnis();
    const two = await usage({ ...query, page: 2 });
    assert.deepEqual(await shownAnis(), two.items.map(anisShownOf));
    assert.deepEqual(two.items, all.items.slice(size, 2 * size));
    assert.match(await page.textContent('#anis-summary'), new RegExp(`ANIs ${size + 1}–${2 * size} of ${two.totalCount}$`));
    assert.equal(await page.inputValue('#anis-page'), '2');
    assert.deepEqual(await pagerState(), { previous: 'on', next: 'on' });

    // The last page: Next goes off, and the focus moves to Previous rather than be lost.
    await page.keyboard.press('Enter');
    await waitForAnis();
    const three = await usage({ ...query, page: 3 });
    assert.deepEqual(await shownAnis(), three.items.map(anisShownOf));
    assert.deepEqual(three.items, all.items.slice(2 * size));
    assert.equal(await page.textContent('#anis-page-of'), 'Page 3 of 3');
    assert.deepEqual(await pagerState(), { previous: 'on', next: 'off' });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'anis-previous');
    await page.keyboard.press('Enter');
    await waitForAnis();
    assert.deepEqual(await shownAnis(), two.items.map(anisShownOf));

    // A page past the last says so, and Previous leads back to the last.
    await page.fill('#anis-page', '9');
    await page.click('#anis-show');
    await waitForAnis();
    const past = await usage({ ...query, page: 9 });
    assert.deepEqual([past.items.length, past.page], [0, 9]);
    await expectText('#anis-empty', `Page 9 is past the last page (3): there are ${past.totalCount} ANIs, ${size} a page.`);
    assert.equal(await page.locator('#anis-scroll').isVisible(), false);
    await page.click('#anis-previous');
    await waitForAnis();
    assert.deepEqual(await shownAnis(), three.items.map(anisShownOf));

    // Loading is said, and the table shown is marked busy meanwhile.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/ani-planner/anis/usage*', async (route) => {
      await held;
      await route.continue();
    });
    await page.click('#anis-show');
    await expectText('#anis-status .loading', 'Reading the ANIs\' usage');
    assert.equal(await page.getAttribute('#anis-usage', 'aria-busy'), 'true');
    release();
    await waitForAnis();
    await page.unroute('**/ani-planner/anis/usage*');
  });

  it('downloads the ANIs shown as CSV, in the order shown, formulas defused', async () => {
    // The page with the seeded ANI, sorted by dials, down.
    const size = Number(await page.inputValue('#anis-pageSize'));
    const at = (await usage({})).items.findIndex((item) => item.number === fallingAni);
    const where = Math.floor(at / size) + 1;
    await page.fill('#anis-page', String(where));
    await page.click('#anis-show');
    await waitForAnis();
    const shownPage = await usage({ dateStart: await page.inputValue('#anis-dateStart'), dateEnd: await page.inputValue('#anis-dateEnd'), pageSize: size, page: where });
    assert.ok(shownPage.items.some((item) => item.number === fallingAni), 'the page with the flagged ANI');
    await page.click('#anis-head th[data-column="dials"] button');
    await page.click('#anis-head th[data-column="dials"] button');
    await expectText('#anis-download-csv', `Download CSV (${shownPage.items.length} rows)`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#anis-download-csv')]);
    const text = await readFile(await download.path(), 'utf8');
    assert.ok(text.startsWith('\uFEFF'), 'marked UTF-8 for spreadsheets');
    const [header, ...lines] = parseCsv(text.slice(1));
    assert.deepEqual(header, ['Number', 'Country', 'Area code', 'Region', 'State', 'Status', 'Managed', 'Dials', 'Contacts', 'Contact rate (%)', 'Active days',
      'Daily dials average', 'Peak daily dials', 'Days over target', 'Last dialed', 'Last 7 days contact rate (%)', 'Possible spam flag']);
    const byDials = shownPage.items.map((item, index) => ({ item, index })).sort((a, b) => b.item.dials - a.item.dials || a.index - b.index).map(({ item }) => item);
    const cell = (value) => (value === null ? '' : String(value));
    assert.deepEqual(lines, byDials.map((item) => [
      `'${item.number}`, item.country, item.areaCode, item.region, item.state, item.status ?? 'not in inventory',
      item.managed === null ? '' : item.managed ? 'yes' : 'no', cell(item.dials), cell(item.contacts), cell(item.contactRate), cell(item.activeDays),
      cell(item.dailyDialsAverage), cell(item.peakDailyDials), cell(item.daysOverTarget), cell(item.lastDialed), cell(item.lastSevenDaysContactRate),
      item.number === fallingAni ? 'yes' : 'no',
    ]), 'every figure as the API gave it, in the order shown, the numbers (+ first) defused with an apostrophe');
    assert.equal(download.suggestedFilename(), `ani-health-${shownPage.dateStart}-to-${shownPage.dateEnd}-page-${where}.csv`);
    await page.click('#anis-head th[data-column="dials"] button');
  });

  it('shows an ANI health 400 beside the field its message names', async () => {
    const wrong = { dateStart: '2026-03-10', dateEnd: '2026-03-02' };
    const refused = await usage(wrong, token, 400);
    await page.fill('#anis-dateStart', wrong.dateStart);
    await page.fill('#anis-dateEnd', wrong.dateEnd);
    await page.click('#anis-show');
    await expectText('#anis-dateStart-error', refused.message);
    assert.equal(await page.getAttribute('#anis-dateStart', 'aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'anis-dateStart', 'focus moves to the field');
    assert.equal(await page.locator('#anis-usage').isVisible(), false, 'the ANIs of another request are not left standing as if they were this one\'s');
    assert.equal(await page.textContent('#dateStart-error'), '', 'the planner\'s field of the same name is left alone');

    const tooMany = await usage({ pageSize: 5000 }, token, 400);
    await page.fill('#anis-dateStart', '');
    await page.fill('#anis-dateEnd', '');
    await page.fill('#anis-pageSize', '5000');
    await page.click('#anis-show');
    await expectText('#anis-pageSize-error', tooMany.message);
    assert.equal(await page.getAttribute('#anis-pageSize', 'aria-invalid'), 'true');
    assert.equal(await page.getAttribute('#anis-dateStart', 'aria-invalid'), null, 'the earlier error is cleared');
    assert.equal(await page.textContent('#anis-dateStart-error'), '');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'anis-pageSize');

    // Every kind of 400 the API gives for the usage belongs at a field.
    const cases = [
      [wrong, 'dateStart'],
      [{ dateStart: '2026-13-01' }, 'dateStart'],
      [{ dateEnd: 'yesterday' }, 'dateEnd'],
      [{ dateStart: '2024-01-01', dateEnd: '2025-12-31' }, 'dateStart'],
      [{ dateStart: '2026-03-07', dateEnd: '2026-03-08' }, 'dateStart'],
      [{ dailyDialsTarget: 'MOST' }, 'dailyDialsTarget'],
      [{ pageSize: 0 }, 'pageSize'],
      [{ pageSize: 1.5 }, 'pageSize'],
      [{ page: 0 }, 'page'],
      [{ page: 'abc' }, 'page'],
    ];
    for (const [query, field] of cases) {
      const answer = await usage(query, token, 400);
      const placed = await page.evaluate(async (message) => (await import('./js/anis.js')).usageFieldOfMessage(message), answer.message);
      assert.equal(placed, field, `"${answer.message}" belongs at ${field}`);
    }
    const pageRefused = await usage({ page: 0 }, token, 400);
    await page.fill('#anis-pageSize', '');
    await page.fill('#anis-page', '0');
    await page.click('#anis-show');
    await expectText('#anis-page-error', pageRefused.message);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'anis-page');

    await page.fill('#anis-page', '');
    await page.click('#anis-show');
    await waitForAnis();
    assert.deepEqual(await shownAnis(), (await usage({})).items.map(anisShownOf), 'the defaults again');
    assert.equal(await page.getAttribute('#anis-page', 'aria-invalid'), null);
  });

  it('shows ANI health at a phone\'s width: nothing but the table scrolls sideways', async () => {
    await page.fill('#anis-pageSize', '5');
    await page.selectOption('#anis-dailyDialsTarget', 'GOOD');
    await page.click('#anis-show');
    await waitForAnis();
    const good = await usage({ dailyDialsTarget: 'GOOD', pageSize: 5 });
    assert.equal(good.dailyDialsTarget, 100);
    assert.deepEqual(await shownAnis(), good.items.map(anisShownOf));
    assert.match(await page.textContent('#anis-summary'), /target 100 dials per ANI a day/);
    assert.equal(await page.inputValue('#anis-dailyDialsTarget'), 'GOOD');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth);
    const widths = await page.evaluate(() => Object.fromEntries(['#screens', '#anis-form', '#anis-summary', '#anis-legend', '#anis-scroll', '#anis-pager']
      .map((selector) => [selector, document.querySelector(selector).getBoundingClientRect().right]).concat([['page', document.documentElement.scrollWidth]])));
    assert.ok(Object.values(widths).every((right) => right <= 390), JSON.stringify(widths));
    assert.ok(await page.$eval('#anis-scroll', (scroll) => scroll.scrollWidth > scroll.clientWidth), 'the table scrolls inside its box');
    assert.equal(await page.$eval('#screen-anis', (link) => link.getBoundingClientRect().top), await page.$eval('#screen-planner', (link) => link.getBoundingClientRect().top),
      'the three tabs stay on one line');
    assert.deepEqual(await accessibilityViolations(), [], 'at a phone\'s width too');
    await page.screenshot({ path: `${screenshots}/dashboard-anis-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('brings the sign-in back from ANI health on a 401, leaving nothing of it for the next person', async () => {
    await page.evaluate(() => sessionStorage.setItem('aniplanner.credential', JSON.stringify({ token: 'anip_revoked_meanwhile', kind: 'accesskey' })));
    const refused = await usage({}, 'anip_revoked_meanwhile', 401);
    await page.click('#anis-show');
    await page.locator('#sign-in-view').waitFor();
    await expectText('#sign-in-notice', refused.message);
    const left = await page.evaluate(() => ({
      credential: sessionStorage.length,
      hash: location.hash,
      view: document.querySelector('#anis-view').hidden,
      usage: document.querySelector('#anis-usage').hidden,
      rows: document.querySelectorAll('#anis-body tr').length,
      texts: ['#anis-summary', '#anis-caption', '#anis-status', '#anis-page-of'].map((selector) => document.querySelector(selector).textContent).join(''),
      inputs: [...document.querySelectorAll('#anis-form input')].map((input) => input.value).join(''),
      target: document.querySelector('#anis-dailyDialsTarget').value,
    }));
    assert.deepEqual(left, { credential: 0, hash: '', view: true, usage: true, rows: 0, texts: '', inputs: '', target: 'BETTER' },
      'nothing of the signed-out session is left for the next person');

    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('#password-form button[type="submit"]');
    await waitForFirstPlan();
    assert.equal(await page.getAttribute('#screen-planner', 'aria-current'), 'page');
    assert.equal(await page.locator('#anis-view').isVisible(), false);
  });

  it('signs out: the credential is forgotten, a reload asks to sign in again', async () => {
    await page.fill('#region-search', 'Boston');
    await page.check('input[name="campaignMode"][value="exclude"]');
    await page.click('#sign-out');
    await page.locator('#sign-in-view').waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    const left = await page.evaluate(() => ({
      search: document.querySelector('#region-search').value,
      mode: document.querySelector('input[name="campaignMode"]:checked').value,
      campaigns: document.querySelectorAll('#campaign-list input').length,
      rows: document.querySelectorAll('#regions-body tr').length > 0 && !document.querySelector('#plan').hidden,
      who: document.querySelector('#who-name').textContent,
    }));
    assert.deepEqual(left, { search: '', mode: 'all', campaigns: 0, rows: false, who: '' }, 'nothing of the signed-out session is left for the next person');
    await page.reload();
    await page.locator('#sign-in-view').waitFor();
    assert.equal(await page.locator('#planner-view').isVisible(), false);
  });

  it('takes a pasted access key', async () => {
    await page.fill('#access-key', 'anip_not_a_key_of_anyone');
    await page.click('#key-form button[type="submit"]');
    const refused = await api('GET', '/v1.0/me', undefined, 'anip_not_a_key_of_anyone', { expect: 401 });
    await expectText('#key-error', refused.message);

    await page.fill('#access-key', demoKey);
    await page.click('#key-form button[type="submit"]');
    const first = await waitForFirstPlan();
    assert.match(await page.textContent('#who-name'), /access key/);
    assert.deepEqual(await shownRows(), (await plan(first)).regionStats, 'a fresh start: the contract\'s defaults');
  });

  it('brings the sign-in back, saying why, when a plan is asked with a credential that stopped working', async () => {
    await page.evaluate(() => sessionStorage.setItem('aniplanner.credential', JSON.stringify({ token: 'anip_revoked_meanwhile', kind: 'accesskey' })));
    const refused = await api('POST', '/ani-planner/generate', {}, 'anip_revoked_meanwhile', { expect: 401 });
    await page.click('#generate');
    await page.locator('#sign-in-view').waitFor();
    await expectText('#sign-in-notice', refused.message);
  });

  it('brings the sign-in back, saying why, when the API answers 401', async () => {
    await page.evaluate(() => sessionStorage.setItem('aniplanner.credential', JSON.stringify({ token: 'anip_revoked_or_expired', kind: 'accesskey' })));
    const refused = await api('GET', '/v1.0/me', undefined, 'anip_revoked_or_expired', { expect: 401 });
    await page.reload();
    await page.locator('#sign-in-view').waitFor();
    await expectText('#sign-in-notice', refused.message);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'the dead credential is dropped');
  });

  it('shows the API\'s 403 on the Outplans screen to a key that may plan but not manage outplans', async () => {
    const key = (await api('POST', '/v1.0/accesskeys', { name: 'Planner only', detail: 'dashboard test', permission: 'planner' })).json.token;
    const refused = await api('GET', '/v1.0/outplans?page_size=100', undefined, key, { expect: 403 });
    await page.fill('#access-key', key);
    await page.click('#key-form button[type="submit"]');
    await waitForFirstPlan(key);
    assert.match(await page.textContent('#who-name'), /\(planner\)/);
    await page.click('#screen-outplans');
    await expectText('#outplans-status .error', `This credential may not do that. ${refused.message}`);
    assert.equal(await page.locator('#outplan-list').isVisible(), false);
    assert.equal(await page.locator('#outplan-detail').isVisible(), false);
    // ANI health is the planner's to read.
    await page.click('#screen-anis');
    await waitForAnis();
    assert.deepEqual(await shownAnis(), (await usage({}, key)).items.map(anisShownOf), 'a planner key is shown the ANIs');
    await page.click('#screen-planner');
    await page.locator('#planner-view').waitFor();
    assert.equal(await page.locator('#plan').isVisible(), true, 'the plan is still there');
    assert.equal(await page.locator('#outplans-view').isVisible(), false);
    await page.click('#sign-out');
  });

  it('tells a credential without the permission which one it needs', async () => {
    const refused = await api('GET', '/ani-planner/campaigns', undefined, platformKey, { expect: 403 });
    await page.fill('#access-key', platformKey);
    await page.click('#key-form button[type="submit"]');
    await expectText('#plan-status', refused.message);
    assert.match(refused.message, /customer/, 'the API\'s message names what is needed');

    const outplansRefused = await api('GET', '/v1.0/outplans?page_size=100', undefined, platformKey, { expect: 403 });
    await page.click('#screen-outplans');
    await expectText('#outplans-status .error', outplansRefused.message);
    assert.equal(await page.locator('#outplan-list').isVisible(), false);

    const anisRefused = await usage({}, platformKey, 403);
    await page.click('#screen-anis');
    await expectText('#anis-status .error', `This credential may not do that. ${anisRefused.message}`);
    assert.equal(await page.locator('#anis-usage').isVisible(), false);
    await page.click('#sign-out');
  });

  it('warns when ZIP grouping finds no ZIPs, and counts the dials that fit no region', async () => {
    // A second company, whose dialer sends no ZIPs.
    const created = await api('POST', '/v1.0/customers', { name: 'No ZIP Company', detail: '' }, platformKey);
    const key = created.json.accesskey.token;
    await api('PUT', '/ani-planner/campaigns/out', { name: 'Out', campaignType: 'outbound' }, key);
    const dials = ['+12135550123', '+13105550199', '+12125550111'].map((prospectNumber, index) => ({
      callId: `nozip-${index}`, campaign: 'out', dialedAt: `${yesterday()}T15:0${index}:00Z`, prospectNumber, aniNumber: '+12135550100', contacted: index === 0,
    }));
    assert.equal((await api('POST', '/ani-planner/dials', dials, key)).json.data.accepted, 3);
    const options = { dateStart: daysBefore(yesterday(), 6), dateEnd: yesterday(), groupBy: 'zip' };
    const expected = await plan(options, key);
    assert.equal(expected.missingZipData, true);

    await page.fill('#access-key', key);
    await page.click('#key-form button[type="submit"]');
    await waitForFirstPlan(key);
    assert.match(await page.textContent('#who-name'), /No ZIP Company/);
    await page.fill('#dateStart', options.dateStart);
    await page.fill('#dateEnd', options.dateEnd);
    await page.selectOption('#groupBy', 'zip');
    await generate();
    assert.deepEqual(await shownTotals(), totalsOf(expected));
    assert.equal(await page.locator('#zip-warning').isVisible(), true);
    assert.equal(await page.locator('#empty-notice').isVisible(), false, 'three dials in range: not an empty range, though none fits a row');

    // A new company has no outplan: the screen says so, and how one is made.
    assert.deepEqual((await api('GET', '/v1.0/outplans?page_size=100', undefined, key)).json.result, []);
    await page.click('#screen-outplans');
    await page.locator('#outplan-list').waitFor();
    await expectText('#outplans-empty', 'POST /v1.0/outplans');
    assert.equal(await page.locator('#outplans-scroll').isVisible(), false);

    // Its one ANI dialled without being in the inventory; a range before it has no ANI at all, and says so.
    await page.click('#screen-anis');
    await waitForAnis();
    const its = await usage({}, key);
    assert.deepEqual(its.items.map((item) => [item.number, item.status, item.dials]), [['+12135550100', null, 3]]);
    assert.deepEqual(await shownAnis(), its.items.map(anisShownOf));
    await page.fill('#anis-dateStart', '2025-03-03');
    await page.fill('#anis-dateEnd', '2025-03-07');
    await page.click('#anis-show');
    await waitForAnis();
    const none = await usage({ dateStart: '2025-03-03', dateEnd: '2025-03-07' }, key);
    assert.deepEqual([none.totalCount, none.items.length], [0, 0]);
    await expectText('#anis-empty', 'No ANIs with dials or in the inventory between 2025-03-03 and 2025-03-07');
    assert.match(await page.textContent('#anis-summary'), /^2025-03-03 to 2025-03-07 · 5 weekdays · .* · no ANI on this page of 0$/);
    for (const part of ['#anis-scroll', '#anis-pager', '#anis-download-csv', '#anis-legend']) {
      assert.equal(await page.locator(part).isVisible(), false, `${part} is not shown for no ANI`);
    }
    await page.click('#sign-out');
  });

  it('loaded nothing from elsewhere and hit no script error or policy violation', () => {
    assert.deepEqual(foreignRequests, []);
    // The refusals above (400, 401, 403, the staged 503 and the refused connection) are logged by the browser; nothing else may be.
    const unexpected = browserErrors.filter((text) => !/status of (40[0-3]|503)|net::ERR_CONNECTION_REFUSED/.test(text));
    assert.deepEqual(unexpected, []);
  });
});

// ---- The page -----------------------------------------------------------------------------------

async function generate() {
  await page.click('#generate');
  await waitForPlan();
}

/**
 * After a sign-in, the first plan: the contract's defaults. On the few days a year whose default
 * range (the 1st through yesterday) holds no weekday the API refuses them; the page then shows
 * that 400 at dateStart, and the last seven days are asked instead so that there is a plan to
 * read. Answers the options the plan shown was asked with.
 */
async function waitForFirstPlan(credential = token) {
  const defaults = await api('POST', '/ani-planner/generate', {}, credential, { expect: null });
  if (defaults.status === 200) {
    await waitForPlan();
    return {};
  }
  await expectText('#dateStart-error', defaults.message);
  const lastWeek = { dateStart: daysBefore(yesterday(), 6), dateEnd: yesterday() };
  await page.fill('#dateStart', lastWeek.dateStart);
  await page.fill('#dateEnd', lastWeek.dateEnd);
  await generate();
  return lastWeek;
}

/** Waits until the plan is shown and no request is running. */
async function waitForPlan() {
  await page.locator('#plan').waitFor();
  await page.waitForFunction(() => !document.querySelector('#plan').hasAttribute('aria-busy')
    && document.querySelector('#plan-status').textContent.startsWith('Plan ready'));
}

/** Waits until the schedule is shown and no preview is running. */
async function waitForSchedule() {
  await page.locator('#schedule').waitFor();
  await page.waitForFunction(() => !document.querySelector('#schedule').hasAttribute('aria-busy')
    && document.querySelector('#schedule-status').textContent.startsWith('Schedule ready'));
}

/** Waits until ANI health shows an answer and no request is running. */
async function waitForAnis() {
  await page.locator('#anis-usage').waitFor();
  await page.waitForFunction(() => {
    const status = document.querySelector('#anis-status');
    return !document.querySelector('#anis-usage').hasAttribute('aria-busy') && !status.querySelector('.loading')
      && /^(ANIs|No ANI)/.test(status.textContent);
  });
}

async function anisForm() {
  return page.evaluate(() => Object.fromEntries(['dateStart', 'dateEnd', 'dailyDialsTarget', 'pageSize', 'page']
    .map((field) => [field, document.querySelector(`#anis-${field}`).value])));
}

async function pagerState() {
  return page.evaluate(() => ({
    previous: document.querySelector('#anis-previous').disabled ? 'off' : 'on',
    next: document.querySelector('#anis-next').disabled ? 'off' : 'on',
  }));
}

/** The ANI health table read back: the words as shown, the figures as numbers (null where it says "none"). */
async function shownAnis() {
  const rows = await page.$$eval('#anis-body tr', (all) => all.map((row) => {
    const field = (name) => row.querySelector(`[data-field="${name}"]`);
    const value = (name) => field(name).querySelector('.value').textContent;
    const time = field('lastDialed').querySelector('time');
    return {
      number: value('number'),
      region: value('region'),
      area: field('region').querySelector('.area')?.textContent ?? '',
      status: value('status'),
      figures: ['dials', 'contacts', 'contactRate', 'lastSevenDaysContactRate', 'activeDays', 'dailyDialsAverage', 'peakDailyDials', 'daysOverTarget']
        .map((name) => [name, value(name)]),
      lastDialed: time ? [time.getAttribute('datetime'), time.textContent] : [null, value('lastDialed')],
    };
  }));
  return rows.map(({ figures, lastDialed, ...row }) => ({
    ...row,
    ...Object.fromEntries(figures.map(([name, text]) => [name, text === 'none' ? null : number(text.replace(' %', ''))])),
    lastDialed: lastDialed[0] === null ? (assert.equal(lastDialed[1], 'none'), null) : (assert.equal(lastDialed[1], lastDialed[0]), lastDialed[0]),
  }));
}

/** What the ANI health table should show for one of the API's items. */
function anisShownOf(item) {
  const status = { active: 'Active', inactive: 'Inactive', removed: 'Removed' };
  return {
    number: item.number,
    region: `${item.region}, ${item.state}`,
    area: `${item.areaCode} · ${item.country}`,
    status: item.status === null ? 'Not in inventory' : `${status[item.status]}, ${item.managed ? 'managed' : 'not managed'}`,
    dials: item.dials,
    contacts: item.contacts,
    contactRate: item.contactRate,
    lastSevenDaysContactRate: item.lastSevenDaysContactRate,
    activeDays: item.activeDays,
    dailyDialsAverage: item.dailyDialsAverage,
    peakDailyDials: item.peakDailyDials,
    daysOverTarget: item.daysOverTarget,
    lastDialed: item.lastDialed,
  };
}

/** A number outside the demo's inventory: busy (100 dials, 60 reached) three weeks ago, reaching nobody in the last week. */
const fallingAni = '+13125550199';

async function seedFallingAni() {
  const busyDay = daysBefore(yesterday(), 19);
  const lastWeek = daysBefore(yesterday(), 1);
  const dial = (callId, day, minute, contacted) => ({
    callId, campaign: 'east-coast-outbound', dialedAt: `${day}T15:${String(minute).padStart(2, '0')}:00Z`, prospectNumber: '+13125551234', aniNumber: fallingAni, contacted,
  });
  const dials = [
    ...Array.from({ length: 100 }, (_, index) => dial(`falling-${index}`, busyDay, index % 60, index < 60)),
    ...Array.from({ length: 20 }, (_, index) => dial(`falling-late-${index}`, lastWeek, index, false)),
  ];
  const imported = (await api('POST', '/ani-planner/dials', dials)).json.data;
  assert.equal(imported.accepted + imported.duplicates, dials.length);
}

/** Waits for the first plan after a reload (made whichever screen is shown). */
async function waitForPlanReady() {
  await page.waitForFunction(() => document.querySelector('#plan-status').textContent !== ''
    && !document.querySelector('#plan-status .loading'));
}

async function pickOutplan(outplan) {
  await page.click(`#outplans-body tr[data-outplan-id="${outplan.id}"] button`);
  await page.waitForFunction((name) => document.querySelector('#outplan-name').textContent === name
    && document.querySelectorAll('#calling-window .fact').length === 4
    && !document.querySelector('#window-status .loading'), outplan.name);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'outplan-name', 'the focus goes to the outplan opened');
}

function outplanNamed(name) {
  const found = outplans.find((outplan) => outplan.name === name);
  assert.ok(found, `the demo company has "${name}": ${outplans.map((outplan) => outplan.name)}`);
  return found;
}

async function shownOutplans() {
  return page.$$eval('#outplans-body tr', (rows) => rows.map((row) => ({
    id: row.dataset.outplanId,
    name: row.querySelector('button.pick').textContent,
    ringTimeout: row.querySelector('.dial-timeout').textContent,
    retryInterval: row.querySelector('.try-interval').textContent,
    tries: row.querySelector('.tries').textContent,
  })));
}

async function shownWindow() {
  return Object.fromEntries(await page.$$eval('#calling-window .fact', (facts) => facts.map((fact) => [fact.dataset.fact, fact.querySelector('dd').textContent])));
}

/** The attempts table read back as the API's attempts: instants from the time elements' datetime, the rest from the text. */
async function shownAttempts() {
  return page.$$eval('#attempts-body tr', (rows) => rows.map((row) => {
    const moved = row.dataset.moved === 'true';
    return {
      destination_index: Number(row.dataset.destinationIndex),
      destination: row.querySelector('.destination-number').textContent,
      try_number: Number(row.querySelector('.try').textContent),
      dial_at: row.querySelector('.dial-at time').getAttribute('datetime'),
      ring_until: row.querySelector('.ring-until time').getAttribute('datetime'),
      moved_by_window: moved,
      due_at: moved ? row.querySelector('.window-move time').getAttribute('datetime') : null,
      callee_times: [...row.querySelectorAll('.callee-time')].map((callee) => ({
        time_zone: callee.dataset.timeZone, local_time: callee.querySelector('time').getAttribute('datetime'),
      })),
      words: row.querySelector('.window-move').textContent,
      texts: {
        dialAt: row.querySelector('.dial-at').textContent,
        callees: [...row.querySelectorAll('.callee-time')].map((callee) => callee.textContent),
      },
    };
  }));
}

/** In the browser: the datetime-local value ("2026-11-27T15:00") that is instant in the browser's own zone. */
function localInputValue(instant) {
  const at = new Date(instant);
  const two = (value) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}`;
}

/**
 * What axe-core finds against WCAG 2.0/2.1 A and AA on the page as it stands (contrast, names,
 * labels, roles, landmarks), one line per rule with where.
 */
async function accessibilityViolations() {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

async function expectText(selector, text) {
  try {
    await page.waitForFunction(([where, what]) => document.querySelector(where)?.textContent.includes(what), [selector, text], { timeout: 10_000 });
  } catch {
    assert.fail(`${selector} should show "${text}" but shows "${await page.textContent(selector)}"`);
  }
}

/** The table's rows as the contract's regionStats: the numbers read back from what is shown. */
async function shownRows() {
  const cells = await page.$$eval('#regions-body tr:not(.empty-row)', (rows) => rows.map((row) =>
    [...row.children].map((cell) => (cell.querySelector('.value') ?? cell).textContent)));
  return cells.map(rowOfCells);
}

function rowOfCells([region, state, areaCodes, average, current, proposed, difference]) {
  return {
    region,
    state,
    areaCodes: areaCodes.split(' ').filter((code) => code !== ''),
    dailyDialsAverage: number(average),
    currentAnis: number(current),
    proposedAnis: number(proposed),
    difference: number(difference),
  };
}

async function shownTotals() {
  const shown = Object.fromEntries(await page.$$eval('#totals [data-total]', (totals) =>
    totals.map((total) => [total.dataset.total, total.querySelector('dd').textContent])));
  return Object.fromEntries(Object.entries(shown).map(([key, text]) =>
    [key, key === 'missingZipData' ? text === 'Yes' : number(text.replace(' %', ''))]));
}

function totalsOf(plan) {
  return {
    totalDials: plan.totalDials,
    totalContacts: plan.totalContacts,
    overallContactRate: plan.overallContactRate,
    totalCurrentAnis: plan.totalCurrentAnis,
    totalProposedAnis: plan.totalProposedAnis,
    aniDifference: plan.aniDifference,
    tollFreeRecommendation: plan.tollFreeRecommendation,
    unmappedDials: plan.unmappedDials,
    missingZipData: plan.missingZipData,
  };
}

function number(text) {
  const value = Number(text.replaceAll(',', '').replace('+', '').trim());
  assert.ok(Number.isFinite(value), `"${text}" is a number`);
  return value;
}

// ---- The API, asked directly ------------------------------------------------------------------

async function plan(options, credential = token) {
  return (await api('POST', '/ani-planner/generate', options, credential)).json.data;
}

/** GET /ani-planner/anis/usage with that query: its data, or (expecting a refusal) {status, json, message}. */
async function usage(query, credential = token, expect = 200) {
  const parameters = new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)])).toString();
  const answer = await api('GET', `/ani-planner/anis/usage${parameters === '' ? '' : `?${parameters}`}`, undefined, credential, { expect });
  return expect === 200 ? answer.json.data : answer;
}

/** One request to the service; answers {status, json, message} and checks the status (unless expect is null). */
async function api(method, path, body, credential = token, { expect = 200 } = {}) {
  const headers = { Accept: 'application/json' };
  if (credential) {
    headers.Authorization = `Bearer ${credential}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`${service}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await response.json();
  if (expect !== null) {
    assert.equal(response.status, expect, `${method} ${path}: ${JSON.stringify(json)}`);
  }
  return { status: response.status, json, message: json.message ?? json.error?.message };
}

// ---- Small helpers ------------------------------------------------------------------------------

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`Set ${name}.`);
  }
  return value;
}

/** Yesterday by the service's clock (UTC), as the contract's default end. */
function yesterday() {
  return daysBefore(new Date().toISOString().slice(0, 10), 1);
}

function daysBefore(date, days) {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() - days);
  return moved.toISOString().slice(0, 10);
}

function firstOfPreviousMonth(date) {
  const [year, month] = date.split('-').map(Number);
  const previous = new Date(Date.UTC(year, month - 2, 1));
  return previous.toISOString().slice(0, 10);
}

/** RFC 4180: quoted cells, doubled quotes, CRLF line ends. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        cell += '"';
        at++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[at + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      at++;
    } else {
      cell += char;
    }
  }
  assert.equal(cell + row.join(''), '', 'the CSV ends with a line end');
  return rows;
}
