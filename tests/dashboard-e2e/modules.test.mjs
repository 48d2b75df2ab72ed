// The dashboard's pure functions, without a browser: the CSV it writes and the rows it shows, and
// the Outplans screen's words for durations, instants, calling windows and schedule previews.
// Run by tests/AniPlanner.FunctionalTests/Dashboard/DashboardBrowserTests.cs (node only).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstNamed } from '../../src/Api/Dashboard/wwwroot/js/fieldnames.js';
import { fieldOfMessage } from '../../src/Api/Dashboard/wwwroot/js/options.js';
import { columns, toCsv, visibleRows } from '../../src/Api/Dashboard/wwwroot/js/regions.js';
import {
  attemptRows, describeDays, describeHours, describeWindow, describeZone, formatDuration, formatLater, formatUtc, formatWallClock,
  previewFieldOfMessage, previewRequest, scheduleSummary, tries, tryCounts, wallClock, windowInOneLine, zoneSourceWords,
} from '../../src/Api/Dashboard/wwwroot/js/schedule.js';

const row = (region, state, difference, extra = {}) => ({
  region, state, areaCodes: ['201'], dailyDialsAverage: 10, currentAnis: 3, proposedAnis: 3 + difference, difference, ...extra,
});

describe('toCsv', () => {
  it('writes the table\'s columns, then one line per row, CRLF ended', () => {
    const csv = toCsv([row('Los Angeles', 'CA', 2, { areaCodes: ['213', '310'] }), row('Toll-Free', 'TF', -1)]);
    assert.equal(csv,
      'Region,State,Area codes,Daily dials average,Current ANIs,Proposed ANIs,Difference\r\n'
      + 'Los Angeles,CA,213 310,10,3,5,2\r\n'
      + 'Toll-Free,TF,201,10,3,2,-1\r\n');
    assert.deepEqual(csv.split('\r\n')[0].split(','), columns.map((column) => column.title));
  });

  it('quotes cells with commas, quotes or line ends', () => {
    const csv = toCsv([row('Bristol, Bath "and" Avon', 'ST', 0, { region: 'Bristol, Bath "and" Avon' }), row('Two\nLines', 'X', 0)]);
    const lines = csv.split('\r\n');
    assert.equal(lines[1].split(',10,')[0], '"Bristol, Bath ""and"" Avon",ST,201');
    assert.ok(csv.includes('"Two\nLines"'));
  });

  it('keeps a spreadsheet from running a text cell as a formula, and leaves numbers alone', () => {
    const csv = toCsv([row('=HYPERLINK("x")', '+1', -2), row('@SUM(A1)', '-', 0)]);
    const [, first, second] = csv.split('\r\n');
    assert.equal(first, '"\'=HYPERLINK(""x"")",\'+1,201,10,3,1,-2');
    assert.equal(second, '\'@SUM(A1),\'-,201,10,3,3,0');
  });
});

describe('visibleRows', () => {
  const rows = [row('Boston', 'MA', 3), row('Austin', 'TX', -1), row('Chicago', 'IL', 0), row('Dallas', 'TX', 3)];

  it('keeps the contract\'s order without a sort', () => {
    assert.deepEqual(visibleRows(rows).map((shown) => shown.region), ['Boston', 'Austin', 'Chicago', 'Dallas']);
  });

  it('sorts numbers and text both ways, ties in the contract\'s order', () => {
    const byDifference = (direction) => visibleRows(rows, { sort: { key: 'difference', direction } }).map((shown) => shown.region);
    assert.deepEqual(byDifference('ascending'), ['Austin', 'Chicago', 'Boston', 'Dallas']);
    assert.deepEqual(byDifference('descending'), ['Boston', 'Dallas', 'Chicago', 'Austin']);
    assert.deepEqual(visibleRows(rows, { sort: { key: 'region', direction: 'ascending' } }).map((shown) => shown.region),
      ['Austin', 'Boston', 'Chicago', 'Dallas']);
  });

  it('searches region and state in any case, and filters by standing', () => {
    assert.deepEqual(visibleRows(rows, { search: ' tx ' }).map((shown) => shown.region), ['Austin', 'Dallas']);
    assert.deepEqual(visibleRows(rows, { search: 'bos' }).map((shown) => shown.region), ['Boston']);
    assert.deepEqual(visibleRows(rows, { show: 'add' }).map((shown) => shown.region), ['Boston', 'Dallas']);
    assert.deepEqual(visibleRows(rows, { show: 'over' }).map((shown) => shown.region), ['Austin']);
    assert.deepEqual(visibleRows(rows, { show: 'add', search: 'tx' }).map((shown) => shown.region), ['Dallas']);
  });
});

describe('fieldOfMessage', () => {
  it('places a message at the field it names first, a range at the dates, anything else at the form', () => {
    assert.equal(fieldOfMessage('dateStart 2026-03-10 is after dateEnd 2026-03-02.'), 'dateStart');
    assert.equal(fieldOfMessage("campaignsExclude names campaigns the company does not have: 'x'."), 'campaigns');
    assert.equal(fieldOfMessage('The range 2024-01-01 to 2025-12-31 spans 731 days; at most 366.'), 'dateStart');
    assert.equal(fieldOfMessage('Something else went wrong.'), null);
  });
});

describe('firstNamed', () => {
  it('finds whole names only, the first in the message, the longer of two at one place', () => {
    assert.equal(firstNamed('campaignsExclude names campaigns', ['campaigns', 'campaignsExclude']), 'campaignsExclude');
    assert.equal(firstNamed('the campaigns and dateStart', ['dateStart', 'campaigns']), 'campaigns');
    assert.equal(firstNamed("destinations[1] '+1555' is too short", ['destinations', 'destinations[1]', 'destinations[0]']), 'destinations[1]');
    assert.equal(firstNamed('restart now', ['start']), null, 'not inside a longer word');
    assert.equal(firstNamed('nothing here', ['start']), null);
  });
});

describe('formatDuration', () => {
  it('puts the API\'s milliseconds in the largest whole units', () => {
    assert.equal(formatDuration(30_000), '30 s');
    assert.equal(formatDuration(45_000), '45 s');
    assert.equal(formatDuration(600_000), '10 min');
    assert.equal(formatDuration(3_600_000), '1 h');
    assert.equal(formatDuration(7_200_000), '2 h');
    assert.equal(formatDuration(5_400_000), '1 h 30 min');
    assert.equal(formatDuration(90_061_500), '1 d 1 h 1 min 1 s 500 ms');
    assert.equal(formatDuration(0), '0 s');
    assert.equal(formatDuration(-5), '-5 ms', 'not a duration: shown as given');
  });

  it('counts tries, and reads an outplan\'s five try counts in order', () => {
    assert.equal(tries(1), '1 try');
    assert.equal(tries(0), '0 tries');
    assert.equal(tries(3), '3 tries');
    assert.deepEqual(tryCounts({ max_try_count_0: 3, max_try_count_1: 2, max_try_count_2: 0, max_try_count_3: 0, max_try_count_4: 1 }), [3, 2, 0, 0, 1]);
  });
});

describe('instants', () => {
  it('shows the wall clock as the API wrote it, never moved to the browser\'s zone', () => {
    assert.deepEqual(wallClock('2026-11-25T09:00:00.000-05:00'),
      { date: '2026-11-25', weekday: 'Wed', day: 25, month: 'Nov', year: 2026, time: '09:00', offset: 'UTC−05:00' });
    assert.equal(formatWallClock('2026-11-29T23:30:00.000+05:30'), 'Sun 29 Nov 2026 23:30');
    assert.equal(formatUtc('2026-11-25T14:00:30.000Z'), 'Wed 25 Nov 2026 14:00:30 UTC', 'seconds when there are some');
    assert.equal(formatUtc('2026-02-28T00:00:00.250Z'), 'Sat 28 Feb 2026 00:00:00 UTC', 'off the minute, but no fraction');
    assert.equal(formatUtc('2026-11-25T08:11:33.667171Z'), 'Wed 25 Nov 2026 08:11:33 UTC', 'the API\'s microseconds');
    assert.equal(formatUtc('not an instant'), 'not an instant');
    assert.equal(wallClock('2026-11-25 14:00'), null);
  });

  it('gives a later instant on the same day as its time alone', () => {
    assert.equal(formatLater('2026-11-25T14:00:30.000Z', '2026-11-25T14:00:00.000Z'), '14:00:30');
    assert.equal(formatLater('2026-11-26T00:00:15.000Z', '2026-11-25T23:59:45.000Z'), 'Thu 26 Nov 2026 00:00:15');
  });
});

describe('the calling window in words', () => {
  it('names days as runs, hours, the zone and the quiet hours', () => {
    assert.equal(describeDays(['mon', 'tue', 'wed', 'thu', 'fri']), 'Mon–Fri');
    assert.equal(describeDays(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']), 'Every day');
    assert.equal(describeDays(['mon', 'tue', 'wed', 'fri', 'sat']), 'Mon–Wed, Fri, Sat');
    assert.equal(describeDays(['sat', 'sun']), 'Sat, Sun');
    assert.equal(describeDays([]), 'No day');
    assert.equal(describeHours('09:00', '18:00'), '09:00–18:00');
    assert.equal(describeHours('00:00', '24:00'), 'All day (00:00–24:00)');
    assert.equal(describeZone('callee'), 'callee\'s local time');
    assert.equal(describeZone('Europe/London'), 'Europe/London');
  });

  it('lists the window as the screen shows it, and in one line', () => {
    const window = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00', time_zone: 'callee', quiet_hours: true };
    assert.deepEqual(describeWindow(window), [
      ['days', 'Days', 'Mon–Fri'],
      ['hours', 'Hours', '09:00–18:00'],
      ['time_zone', 'Time zone', 'callee\'s local time'],
      ['quiet_hours', 'Quiet hours', 'On: calls start only 08:00–21:00 callee\'s local time'],
    ]);
    assert.equal(describeWindow({ ...window, quiet_hours: false })[3][2], 'Off');
    assert.equal(windowInOneLine({ ...window, time_zone: 'Europe/London', quiet_hours: false }), 'Mon–Fri 09:00–18:00 Europe/London, quiet hours off');
  });
});

/** The spec's example answer, with a second destination that the window moved. */
const answer = {
  start: '2026-11-27T20:00:00.000Z',
  dial_timeout: 30000,
  try_interval: 7200000,
  calling_window: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00', time_zone: 'callee', quiet_hours: true },
  destinations: [
    { destination_index: 0, destination: '+12125550100', max_try_count: 3, time_zones: ['America/New_York'], time_zone_source: 'number' },
    { destination_index: 1, destination: '+442079460000', max_try_count: 2, time_zones: ['Europe/London'], time_zone_source: 'number' },
    { destination_index: 2, destination: 'sip:desk@example.invalid', max_try_count: 0, time_zones: ['UTC'], time_zone_source: 'utc' },
  ],
  attempts: [
    {
      destination_index: 0, destination: '+12125550100', try_number: 1, due_at: '2026-11-27T20:00:00.000Z', dial_at: '2026-11-27T20:00:00.000Z',
      moved_by_window: false, ring_until: '2026-11-27T20:00:30.000Z',
      callee_times: [{ time_zone: 'America/New_York', local_time: '2026-11-27T15:00:00.000-05:00' }],
    },
    {
      destination_index: 1, destination: '+442079460000', try_number: 1, due_at: '2026-11-27T20:00:00.000Z', dial_at: '2026-11-30T09:00:00.000Z',
      moved_by_window: true, ring_until: '2026-11-30T09:00:30.000Z',
      callee_times: [{ time_zone: 'Europe/London', local_time: '2026-11-30T09:00:00.000+00:00' }],
    },
  ],
  last_ring_until: '2026-11-30T09:00:30.000Z',
};

describe('a schedule preview\'s answer', () => {
  it('becomes one row per attempt, in the answer\'s order, every instant kept as the API gave it', () => {
    const rows = attemptRows(answer);
    assert.equal(rows.length, 2);
    assert.deepEqual(rows[0], {
      number: 1, destinationIndex: 0, destinationLabel: 'Dest. 1', destination: '+12125550100', tryNumber: 1,
      dialAt: '2026-11-27T20:00:00.000Z', dialAtText: 'Fri 27 Nov 2026 20:00',
      dueAt: '2026-11-27T20:00:00.000Z', dueAtText: 'Fri 27 Nov 2026 20:00 UTC', moved: false,
      ringUntil: '2026-11-27T20:00:30.000Z', ringUntilText: '20:00:30',
      calleeTimes: [{ zone: 'America/New_York', localTime: '2026-11-27T15:00:00.000-05:00', text: 'Fri 27 Nov 2026 15:00', offset: 'UTC−05:00' }],
    });
    assert.equal(rows[1].moved, true);
    assert.equal(rows[1].dialAtText, 'Mon 30 Nov 2026 09:00');
    assert.equal(rows[1].dueAtText, 'Fri 27 Nov 2026 20:00 UTC', 'where the window moved it from');
    assert.equal(rows[1].calleeTimes[0].offset, 'UTC+00:00');
  });

  it('sums up: counts, first dial, last ring end, each destination\'s zones and where they came from', () => {
    const summary = scheduleSummary(answer);
    assert.equal(summary.attempts, 2);
    assert.equal(summary.moved, 1);
    assert.equal(summary.firstDial, '2026-11-27T20:00:00.000Z');
    assert.equal(summary.lastRingUntil, '2026-11-30T09:00:30.000Z');
    assert.equal(summary.emptyReason, null);
    assert.deepEqual(summary.destinations.map((destination) => [destination.label, destination.tries, destination.zones, destination.sourceWords, destination.attempts]), [
      ['Dest. 1', 3, ['America/New_York'], 'from the number', 1],
      ['Dest. 2', 2, ['Europe/London'], 'from the number', 1],
      ['Dest. 3', 0, ['UTC'], 'UTC (no zone known)', 0],
    ]);
    assert.equal(zoneSourceWords('outplan'), 'outplan\'s zone');
    assert.equal(zoneSourceWords('country'), 'every zone of its country (the number says no more)');
  });

  it('says why there is no attempt: every destination given has no try', () => {
    const none = {
      ...answer,
      destinations: [answer.destinations[2], { ...answer.destinations[1], destination_index: 3, max_try_count: 0 }],
      attempts: [],
      last_ring_until: null,
    };
    const summary = scheduleSummary(none);
    assert.equal(summary.attempts, 0);
    assert.equal(summary.firstDial, null);
    assert.equal(summary.lastRingUntil, null);
    assert.match(summary.emptyReason, /^No call would be placed: the outplan's try count is 0 for destination 3 \(max_try_count_2\) and destination 4 \(max_try_count_3\)\./);
  });
});

describe('the preview form', () => {
  const empty = ['', '', '', '', ''];

  it('sends the destinations in order, trimmed, and the start as an instant (none: now)', () => {
    assert.deepEqual(previewRequest({ destinations: ['+12125550100', ' +442079460000 ', '', '', ''] }),
      { body: { destinations: ['+12125550100', '+442079460000'] }, problems: [] });
    const local = '2026-11-27T15:00';
    assert.deepEqual(previewRequest({ destinations: ['+12125550100', ...empty.slice(1)], start: local }),
      { body: { destinations: ['+12125550100'], start: new Date(local).toISOString() }, problems: [] });
  });

  it('tells what it can by itself: no first destination, a gap, a start not whole', () => {
    assert.deepEqual(previewRequest({ destinations: empty }).problems.map((problem) => problem.field), ['destination_0']);
    assert.deepEqual(previewRequest({ destinations: ['+12125550100', '', '+442079460000', '', ''] }).problems.map((problem) => problem.field), ['destination_1']);
    assert.deepEqual(previewRequest({ destinations: ['+12125550100', '', '', '', ''], startIsBad: true }).problems.map((problem) => problem.field), ['start']);
    assert.deepEqual(previewRequest({ destinations: ['+12125550100', '', '', '', ''], start: 'soon' }).problems.map((problem) => problem.field), ['start']);
  });

  it('places the API\'s 400 messages at the field they name', () => {
    assert.equal(previewFieldOfMessage("destinations[1] '+1555' is too short for its country."), 'destination_1');
    assert.equal(previewFieldOfMessage('destinations[1] is empty: give an E.164 number (+12125550100) or a SIP address (sip:user@pbx.example.com).'), 'destination_1');
    assert.equal(previewFieldOfMessage('destinations must list 1 to 5 destinations of the target, destination_0 first (e.g. ["+12125550100"]); got 6.'), 'destination_0');
    assert.equal(previewFieldOfMessage("start '2026-11-25 14:00' must be an RFC 3339 instant with its offset between 1970 and 2199; leave it out to start now."), 'start');
    assert.equal(previewFieldOfMessage('destination_1 +12125550100: the calling window never opens in America/New_York, checked for 366 days from 2026-11-25 10:12Z.'), 'destination_1');
    assert.equal(previewFieldOfMessage("calling_window.quiet_hours is true, so calls start only 08:00-21:00 in the callee's time, and the window 22:00-24:00 lies wholly outside those hours: it would never open."), null,
      'the outplan\'s own window, not the start, though it speaks of calls that start');
    assert.equal(previewFieldOfMessage('max_try_count_0 must be 0 to 10.'), null);
    assert.equal(previewFieldOfMessage("destinations[0] 'abc' is not an E.164 number or a SIP address"), 'destination_0');
    assert.equal(previewFieldOfMessage('destinations must list 1 to 5 destinations'), 'destination_0');
    assert.equal(previewFieldOfMessage('start must be an RFC 3339 instant with an offset, e.g. 2026-11-25T14:00:00Z'), 'start');
    assert.equal(previewFieldOfMessage('destination_4 (+61255501234): the calling window never opens there'), 'destination_4');
    assert.equal(previewFieldOfMessage('The request body is not JSON.'), null);
  });
});
