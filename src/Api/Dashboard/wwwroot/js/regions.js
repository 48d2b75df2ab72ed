// The plan's region rows: their columns (shared by the table and the CSV, so the two cannot
// differ), the search, the row filter and the sort.

/** The table's columns, in the contract's field order. */
export const columns = [
  { key: 'region', title: 'Region', numeric: false, csv: (row) => row.region },
  { key: 'state', title: 'State', numeric: false, csv: (row) => row.state },
  { key: 'areaCodes', title: 'Area codes', numeric: false, csv: (row) => row.areaCodes.join(' ') },
  { key: 'dailyDialsAverage', title: 'Daily dials average', numeric: true, csv: (row) => String(row.dailyDialsAverage) },
  { key: 'currentAnis', title: 'Current ANIs', numeric: true, csv: (row) => String(row.currentAnis) },
  { key: 'proposedAnis', title: 'Proposed ANIs', numeric: true, csv: (row) => String(row.proposedAnis) },
  { key: 'difference', title: 'Difference', numeric: true, csv: (row) => String(row.difference) },
];

/** 'add' (proposed above current), 'over' (current above proposed) or 'even'. */
export function standing(row) {
  return row.difference > 0 ? 'add' : row.difference < 0 ? 'over' : 'even';
}

/**
 * The rows to show: those whose region or state contains the search (any case), of the chosen
 * standing, in the chosen order; with no sort, the contract's order (daily dials, busiest first).
 */
export function visibleRows(rows, { search = '', show = 'all', sort = null } = {}) {
  const needle = search.trim().toLocaleLowerCase();
  const shown = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => needle === ''
      || row.region.toLocaleLowerCase().includes(needle)
      || row.state.toLocaleLowerCase().includes(needle))
    .filter(({ row }) => show === 'all' || standing(row) === show);
  if (sort) {
    const direction = sort.direction === 'descending' ? -1 : 1;
    shown.sort((a, b) => direction * compare(a.row, b.row, sort.key) || a.index - b.index);
  }
  return shown.map(({ row }) => row);
}

function compare(a, b, key) {
  const left = a[key];
  const right = b[key];
  if (typeof left === 'number') {
    return left - right;
  }
  const text = (value) => (Array.isArray(value) ? value.join(' ') : value);
  return text(left).localeCompare(text(right), 'en', { numeric: true, sensitivity: 'base' });
}

/**
 * The rows as CSV (RFC 4180: quoted where needed, CRLF line ends), the table's columns as its
 * header. A text cell that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
 * apostrophe, so opening the file never runs anything.
 */
export function toCsv(rows) {
  return csvOf(columns, rows);
}

/**
 * Rows as CSV with the given columns (each a title, whether it is a number, and its cell), by the
 * rules above; the ANI health screen writes its own columns with it.
 * @param {{title: string, numeric: boolean, csv: (row: object) => string}[]} csvColumns
 */
export function csvOf(csvColumns, rows) {
  const lines = [csvColumns.map((column) => quote(column.title))];
  for (const row of rows) {
    lines.push(csvColumns.map((column) => {
      const value = column.csv(row);
      return quote(column.numeric ? value : defuse(value));
    }));
  }
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

function defuse(text) {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(text) {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
