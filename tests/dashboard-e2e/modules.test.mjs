// The dashboard's pure functions, without a browser: the CSV it writes and the rows it shows.
// Run by tests/AniPlanner.FunctionalTests/Dashboard/DashboardBrowserTests.cs (node only).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldOfMessage } from '../../src/Api/Dashboard/wwwroot/js/options.js';
import { columns, toCsv, visibleRows } from '../../src/Api/Dashboard/wwwroot/js/regions.js';

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
