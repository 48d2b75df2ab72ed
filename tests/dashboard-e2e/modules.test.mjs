// The dashboard's pure functions, without a browser: the CSV it writes and the rows it shows, the
// Outplans screen's words for durations, instants, calling windows and schedule previews, and the
// ANI health screen's request, marks, sort, paging and CSV.
// Run by tests/AniPlanner.FunctionalTests/Dashboard/DashboardBrowserTests.cs (node only).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  areaWords, columns as aniColumns, csvColumns, overTarget, overTargetWords, pageInfo, regionWords, sortedRows, spamFlag, statusWords,
  summaryLine, toCsv as aniCsv, usageFieldOfMessage, usagePath, usageQuery,
} from '../../src/Api/Dashboard/wwwroot/js/anis.js';
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

// ---- ANI health -----------------------------------------------------------------------------------

/** A usage row in the API's shape (the spec's example), with changes. */
const ani = (changes = {}) => ({
  number: '+12135550100', country: 'US', areaCode: '213', region: 'Los Angeles', state: 'CA', status: 'active', managed: true,
  dials: 1234, contacts: 300, contactRate: 24.3, activeDays: 20, dailyDialsAverage: 61.7, peakDailyDials: 140, daysOverTarget: 6,
  lastDialed: '2026-06-12', lastSevenDaysContactRate: 12.5, ...changes,
});

describe('the ANI health request', () => {
  it('leaves empty fields out (the API\'s defaults), sends the rest as typed, in a fixed order', () => {
    assert.deepEqual(usageQuery({ dateStart: '', dateEnd: ' ', dailyDialsTarget: 'BETTER', pageSize: '', page: '' }),
      { query: { dailyDialsTarget: 'BETTER' }, problems: [] });
    const { query } = usageQuery({ page: '2', pageSize: '25', dateEnd: '2026-06-14', dateStart: '2026-05-18', dailyDialsTarget: 'GOOD' });
    assert.equal(usagePath(query), '/ani-planner/anis/usage?dateStart=2026-05-18&dateEnd=2026-06-14&dailyDialsTarget=GOOD&pageSize=25&page=2');
    assert.equal(usagePath({}), '/ani-planner/anis/usage');
    assert.equal(usagePath({ pageSize: '1.5', dateStart: 'a&b=c' }), '/ani-planner/anis/usage?dateStart=a%26b%3Dc&pageSize=1.5', 'escaped, and left for the API to judge');
  });

  it('tells what the browser could not read before anything is sent', () => {
    const { problems } = usageQuery({ dateStart: '', dateEnd: '', dailyDialsTarget: 'BEST', pageSize: '', page: '', badInput: ['dateEnd', 'pageSize'] });
    assert.deepEqual(problems.map((problem) => problem.field), ['dateEnd', 'pageSize']);
    assert.match(problems[0].message, /^dateEnd is not a whole date/);
    assert.match(problems[1].message, /^pageSize is not a number/);
  });

  it('places the API\'s 400 messages at the field they name', () => {
    assert.equal(usageFieldOfMessage('dateStart 2026-03-10 is after dateEnd 2026-03-02: give a dateStart on or before dateEnd.'), 'dateStart');
    assert.equal(usageFieldOfMessage("dateEnd 'yesterday' is not a date: use YYYY-MM-DD."), 'dateEnd');
    assert.equal(usageFieldOfMessage('The range 2024-01-01 to 2025-12-31 spans 731 days; at most 366: move dateStart or dateEnd closer.'), 'dateStart');
    assert.equal(usageFieldOfMessage('The range 2026-03-07 to 2026-03-08 has no weekday (Mon-Fri), so daily averages cannot be computed.'), 'dateStart');
    assert.equal(usageFieldOfMessage('dailyDialsTarget must be one of "BEST", "BETTER", "GOOD" or a whole number of dials from 1 to 10000; got \'MOST\'.'), 'dailyDialsTarget');
    assert.equal(usageFieldOfMessage('pageSize must be between 1 and 1000.'), 'pageSize', 'not page: a whole name only');
    assert.equal(usageFieldOfMessage("pageSize: The value '1.5' is not valid."), 'pageSize');
    assert.equal(usageFieldOfMessage('page starts at 1.'), 'page');
    assert.equal(usageFieldOfMessage("page: The value 'abc' is not valid."), 'page');
    assert.equal(usageFieldOfMessage('Something else went wrong.'), null);
  });
});

describe('the ANI health marks', () => {
  it('flags a last 7 days\' contact rate under half the range\'s as a possible spam flag', () => {
    assert.equal(spamFlag(ani({ contactRate: 24.3, lastSevenDaysContactRate: 12.1 })), true);
    assert.equal(spamFlag(ani({ contactRate: 24.3, lastSevenDaysContactRate: 0 })), true);
    assert.equal(spamFlag(ani({ contactRate: 24.2, lastSevenDaysContactRate: 12.1 })), false, 'half exactly is not under half');
    assert.equal(spamFlag(ani({ contactRate: 24.3, lastSevenDaysContactRate: 30 })), false);
    assert.equal(spamFlag(ani({ contactRate: 0, lastSevenDaysContactRate: 0 })), false, 'nothing to fall from');
    assert.equal(spamFlag(ani({ contactRate: 24.3, lastSevenDaysContactRate: null })), false, 'no dials in the last 7 days: no rate to judge');
    assert.equal(spamFlag(ani({ contactRate: null, lastSevenDaysContactRate: null, dials: 0 })), false);
  });

  it('marks days over the target in words and a sign', () => {
    assert.equal(overTarget(ani()), true);
    assert.equal(overTargetWords(ani()), '▲ 6 days over');
    assert.equal(overTargetWords(ani({ daysOverTarget: 1 })), '▲ 1 day over');
    assert.equal(overTargetWords(ani({ daysOverTarget: 0 })), null);
    assert.equal(overTarget(ani({ daysOverTarget: 0 })), false);
  });

  it('says the status, the region and the area in words, "Not in inventory" when the API has no status', () => {
    assert.equal(statusWords(ani()), 'Active, managed');
    assert.equal(statusWords(ani({ status: 'inactive', managed: false })), 'Inactive, not managed');
    assert.equal(statusWords(ani({ status: 'removed' })), 'Removed, managed');
    assert.equal(statusWords(ani({ status: null, managed: null })), 'Not in inventory');
    assert.equal(regionWords(ani()), 'Los Angeles, CA');
    assert.equal(regionWords(ani({ region: '', state: '' })), 'Unknown area');
    assert.equal(areaWords(ani()), '213 · US');
    assert.equal(areaWords(ani({ areaCode: '', country: '' })), '');
  });
});

describe('the ANI health table', () => {
  const rows = [
    ani({ number: '+1A', peakDailyDials: 140, dials: 900, contactRate: 20, lastDialed: '2026-06-12', region: 'Miami', state: 'FL' }),
    ani({ number: '+1B', peakDailyDials: 120, dials: 1500, contactRate: null, lastDialed: null, region: 'Boston', state: 'MA' }),
    ani({ number: '+1C', peakDailyDials: 120, dials: 900, contactRate: 31.5, lastDialed: '2026-06-01', region: 'atlanta', state: 'GA' }),
    ani({ number: '+1D', peakDailyDials: 0, dials: 0, contactRate: null, lastDialed: null, status: null, managed: null, region: 'Chicago', state: 'IL' }),
  ];
  const numbers = (sorted) => sorted.map((row) => row.number);

  it('keeps the API\'s order without a sort, and sorts any column both ways, ties in the API\'s order', () => {
    assert.deepEqual(numbers(sortedRows(rows)), ['+1A', '+1B', '+1C', '+1D']);
    assert.deepEqual(numbers(sortedRows(rows, { key: 'dials', direction: 'ascending' })), ['+1D', '+1A', '+1C', '+1B']);
    assert.deepEqual(numbers(sortedRows(rows, { key: 'dials', direction: 'descending' })), ['+1B', '+1A', '+1C', '+1D']);
    assert.deepEqual(numbers(sortedRows(rows, { key: 'region', direction: 'ascending' })), ['+1C', '+1B', '+1D', '+1A'], 'text in any case');
    assert.deepEqual(numbers(sortedRows(rows, { key: 'status', direction: 'descending' })), ['+1D', '+1A', '+1B', '+1C'], 'by the status in words');
    assert.ok(aniColumns.every((column) => sortedRows(rows, { key: column.key, direction: 'ascending' }).length === rows.length), 'every column sorts');
  });

  it('puts rows without the figure (no dials) last both ways', () => {
    assert.deepEqual(numbers(sortedRows(rows, { key: 'contactRate', direction: 'ascending' })), ['+1A', '+1C', '+1B', '+1D']);
    assert.deepEqual(numbers(sortedRows(rows, { key: 'contactRate', direction: 'descending' })), ['+1C', '+1A', '+1B', '+1D']);
    assert.deepEqual(numbers(sortedRows(rows, { key: 'lastDialed', direction: 'descending' })), ['+1A', '+1C', '+1B', '+1D']);
  });

  it('does not change the rows it is given', () => {
    const before = numbers(rows);
    sortedRows(rows, { key: 'dials', direction: 'descending' });
    assert.deepEqual(numbers(rows), before);
  });
});

describe('the ANI health pages', () => {
  const answer = (page, pageSize, totalCount, shown) => ({
    dateStart: '2026-05-18', dateEnd: '2026-06-14', bizDays: 20, dailyDialsTarget: 75, items: Array.from({ length: shown }, () => ani()), page, pageSize, totalCount,
  });

  it('counts the ANIs shown and the pages, and which pages are next to this one', () => {
    assert.deepEqual(pageInfo(answer(1, 100, 5000, 100)), { first: 1, last: 100, pages: 50, pastEnd: false, previous: null, next: 2 });
    assert.deepEqual(pageInfo(answer(2, 5, 13, 5)), { first: 6, last: 10, pages: 3, pastEnd: false, previous: 1, next: 3 });
    assert.deepEqual(pageInfo(answer(3, 5, 13, 3)), { first: 11, last: 13, pages: 3, pastEnd: false, previous: 2, next: null });
    assert.deepEqual(pageInfo(answer(1, 100, 13, 13)), { first: 1, last: 13, pages: 1, pastEnd: false, previous: null, next: null });
  });

  it('goes back to the last page from one past it, and has no page around an empty range', () => {
    assert.deepEqual(pageInfo(answer(9, 5, 13, 0)), { first: 0, last: 0, pages: 3, pastEnd: true, previous: 3, next: null });
    assert.deepEqual(pageInfo(answer(1, 100, 0, 0)), { first: 0, last: 0, pages: 1, pastEnd: false, previous: null, next: null });
  });

  it('sums the answer up in one line', () => {
    assert.equal(summaryLine(answer(2, 100, 5000, 100)), '2026-05-18 to 2026-06-14 · 20 weekdays · target 75 dials per ANI a day · ANIs 101–200 of 5,000');
    assert.equal(summaryLine(answer(1, 100, 0, 0)), '2026-05-18 to 2026-06-14 · 20 weekdays · target 75 dials per ANI a day · no ANI on this page of 0');
  });
});

describe('the ANI health CSV', () => {
  it('writes as the plan\'s CSV does: for the plan\'s own columns it is the same file', () => {
    const plan = [row('Los Angeles', 'CA', 2, { areaCodes: ['213', '310'] }), row('=HYPERLINK("x")', '+1', -2), row('Two\nLines', 'X', 0)];
    assert.equal(aniCsv(columns, plan), toCsv(plan));
  });

  it('writes every field of the answer and the spam flag, "not in inventory" and empty cells where the API has null', () => {
    const csv = aniCsv(csvColumns, [ani(), ani({
      number: '+13125550199', status: null, managed: null, dials: 0, contacts: 0, contactRate: null, activeDays: 0, dailyDialsAverage: 0,
      peakDailyDials: 0, daysOverTarget: 0, lastDialed: null, lastSevenDaysContactRate: null,
    })]);
    assert.equal(csv,
      'Number,Country,Area code,Region,State,Status,Managed,Dials,Contacts,Contact rate (%),Active days,Daily dials average,Peak daily dials,'
      + 'Days over target,Last dialed,Last 7 days contact rate (%),Possible spam flag\r\n'
      + "'+12135550100,US,213,Los Angeles,CA,active,yes,1234,300,24.3,20,61.7,140,6,2026-06-12,12.5,no\r\n"
      + "'+13125550199,US,213,Los Angeles,CA,not in inventory,,0,0,,0,0,0,0,,,no\r\n");
  });

  it('keeps a spreadsheet from running a text cell as a formula', () => {
    const csv = aniCsv(csvColumns, [ani({ region: '=cmd|"/c calc"!A1', state: '@SUM(A1)', number: '-1' })]);
    const line = csv.split('\r\n')[1];
    assert.ok(line.startsWith('\'-1,US,213,"\'=cmd|""/c calc""!A1",\'@SUM(A1),'), line);
    assert.ok(aniCsv(csvColumns, [ani({ lastSevenDaysContactRate: 1 })]).split('\r\n')[1].endsWith(',1,yes'), 'the flag in words');
  });
});
