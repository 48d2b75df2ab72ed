// Current against proposed ANIs for the busiest regions, as an SVG bar chart drawn here (no
// chart library). Current bars are solid, proposed ones hatched and outlined: the two differ
// by pattern as well as colour, and every bar carries its number as text.

import { svgElement } from './dom.js';

export const busiestRegions = 10;

const barHeight = 13;
const barGap = 3;
const groupGap = 12;
const legendHeight = 28;

/** Draws the chart of the plan's first (busiest) rows into container, sized to its width. */
export function drawChart(container, plan) {
  const rows = plan.regionStats.slice(0, busiestRegions);
  container.replaceChildren();
  if (rows.length === 0) {
    return;
  }

  const width = Math.max(300, Math.min(1100, container.clientWidth || 640));
  const labelWidth = Math.round(Math.min(200, width * 0.36));
  const valueRoom = 44;
  const barRoom = width - labelWidth - valueRoom;
  const largest = Math.max(1, ...rows.flatMap((row) => [row.currentAnis, row.proposedAnis]));
  const scale = (value) => Math.max(value > 0 ? 2 : 0, Math.round((value / largest) * barRoom));
  const groupHeight = 2 * barHeight + barGap;
  const height = legendHeight + rows.length * (groupHeight + groupGap);

  const svg = svgElement('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-labelledby': 'chart-title chart-description',
  },
  svgElement('title', { id: 'chart-title' }, 'Current and proposed ANIs'),
  svgElement('desc', { id: 'chart-description' },
    rows.map((row) => `${label(row)}: ${row.currentAnis} current, ${row.proposedAnis} proposed.`).join(' ')),
  svgElement('defs', {},
    svgElement('pattern', { id: 'proposed-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      svgElement('rect', { width: 6, height: 6, fill: '#dbe6f5' }),
      svgElement('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-line' }))),
  legend(labelWidth));

  rows.forEach((row, index) => {
    const top = legendHeight + index * (groupHeight + groupGap);
    svg.append(
      svgElement('text', { x: labelWidth - 8, y: top + groupHeight / 2 + 4, 'text-anchor': 'end' }, shorten(label(row), labelWidth)),
      bar('bar-current', labelWidth, top, scale(row.currentAnis), row.currentAnis, `${label(row)}: ${row.currentAnis} current ANIs`),
      bar('bar-proposed', labelWidth, top + barHeight + barGap, scale(row.proposedAnis), row.proposedAnis, `${label(row)}: ${row.proposedAnis} proposed ANIs`));
  });
  container.append(svg);
}

function bar(kind, left, top, length, value, title) {
  return svgElement('g', {},
    svgElement('rect', { class: kind, x: left, y: top, width: length, height: barHeight }, svgElement('title', {}, title)),
    svgElement('text', { class: 'value', x: left + length + 4, y: top + barHeight - 2 }, String(value)));
}

function legend(left) {
  return svgElement('g', {},
    svgElement('rect', { class: 'bar-current', x: left, y: 6, width: 14, height: 12 }),
    svgElement('text', { class: 'legend-text', x: left + 20, y: 16 }, 'Current'),
    svgElement('rect', { class: 'bar-proposed', x: left + 90, y: 6, width: 14, height: 12 }),
    svgElement('text', { class: 'legend-text', x: left + 110, y: 16 }, 'Proposed'));
}

function label(row) {
  return row.state && row.state !== row.region ? `${row.region}, ${row.state}` : row.region;
}

/** Cuts a label to what fits beside the bars (about 7 px a character at 12 px). */
function shorten(text, room) {
  const fits = Math.max(6, Math.floor((room - 12) / 7));
  return text.length <= fits ? text : `${text.slice(0, fits - 1)}…`;
}
