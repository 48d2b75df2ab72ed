// The Outplans screen's pure logic (no page needed, so node tests it alone): durations and
// instants in words, a calling window in words, a schedule preview's answer as the rows and
// summary the screen shows, and a 400 message matched back to the preview form's field.

import { firstNamed } from './fieldnames.js';

const units = [['d', 86_400_000], ['h', 3_600_000], ['min', 60_000], ['s', 1_000], ['ms', 1]];

/** 30000 → "30 s", 7200000 → "2 h", 5400000 → "1 h 30 min", 0 → "0 s" (the API's milliseconds). */
export function formatDuration(milliseconds) {
  if (!Number.isSafeInteger(milliseconds) || milliseconds < 0) {
    return `${milliseconds} ms`;
  }
  const parts = [];
  let rest = milliseconds;
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) {
      parts.push(`${count} ${unit}`);
      rest -= count * size;
    }
  }
  return parts.length === 0 ? '0 s' : parts.join(' ');
}

/** "1 try", "3 tries". */
export function tries(count) {
  return `${count} ${count === 1 ? 'try' : 'tries'}`;
}

/** An outplan's five try counts, destination_0 first. */
export function tryCounts(outplan) {
  return [0, 1, 2, 3, 4].map((index) => outplan[`max_try_count_${index}`] ?? 0);
}

// ---- Instants ---------------------------------------------------------------------------------

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const wireInstant = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant as the API writes it ("2026-11-25T09:00:00.000-05:00" or "...Z") taken apart as the
 * wall clock it shows: the date and time are read as written, never moved to this browser's zone.
 * Null for anything else.
 */
export function wallClock(text) {
  const parts = typeof text === 'string' ? wireInstant.exec(text) : null;
  if (!parts) {
    return null;
  }
  const [, year, month, day, hour, minute, second, fraction = '0', offset] = parts;
  const weekday = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay();
  return {
    date: `${year}-${month}-${day}`,
    weekday: weekdays[weekday],
    day: Number(day),
    month: months[Number(month) - 1],
    year: Number(year),
    // Seconds when the time is not on the minute; never the fraction (the API writes up to microseconds).
    time: `${hour}:${minute}${second !== '00' || Number(fraction) !== 0 ? `:${second}` : ''}`,
    offset: offset === 'Z' ? 'UTC' : `UTC${offset.replace('-', '−')}`,
  };
}

/** "Wed 25 Nov 2026 14:00" (seconds only off the minute); the text itself when it is no instant. */
export function formatWallClock(text) {
  const clock = wallClock(text);
  return clock ? `${clock.weekday} ${clock.day} ${clock.month} ${clock.year} ${clock.time}` : String(text);
}

/** "Wed 25 Nov 2026 14:00 UTC" for an instant the API gives in UTC. */
export function formatUtc(text) {
  const clock = wallClock(text);
  return clock ? `${formatWallClock(text)} ${clock.offset}` : String(text);
}

/** An instant's time alone ("14:00:30") when it falls on the same day as another, else the whole of it. */
export function formatLater(text, sameDayAs) {
  const clock = wallClock(text);
  const other = wallClock(sameDayAs);
  return clock && other && clock.date === other.date ? clock.time : formatWallClock(text);
}

// ---- The calling window -------------------------------------------------------------------------

const dayOrder = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const dayNames = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** ["mon".."fri"] → "Mon–Fri"; all seven → "Every day"; runs of three or more joined by a dash. */
export function describeDays(days) {
  const given = dayOrder.filter((day) => days.includes(day));
  if (given.length === 7) {
    return 'Every day';
  }
  if (given.length === 0) {
    return 'No day';
  }
  const runs = [];
  for (const day of given) {
    const last = runs.at(-1);
    if (last && dayOrder.indexOf(day) === dayOrder.indexOf(last.at(-1)) + 1) {
      last.push(day);
    } else {
      runs.push([day]);
    }
  }
  return runs.flatMap((run) => (run.length >= 3 ? [`${dayNames[run[0]]}–${dayNames[run.at(-1)]}`] : run.map((day) => dayNames[day])))
    .join(', ');
}

/** "09:00–18:00"; the whole day says so. */
export function describeHours(start, end) {
  return start === '00:00' && end === '24:00' ? 'All day (00:00–24:00)' : `${start}–${end}`;
}

/** "callee" is the callee's own local time; anything else is an IANA zone, named as is. */
export function describeZone(zone) {
  return zone === 'callee' ? 'callee\'s local time' : zone;
}

export const quietHours = '08:00–21:00';

/** The window as the screen lists it: [key, title, value] rows. */
export function describeWindow(window) {
  return [
    ['days', 'Days', describeDays(window.days)],
    ['hours', 'Hours', describeHours(window.start, window.end)],
    ['time_zone', 'Time zone', describeZone(window.time_zone)],
    ['quiet_hours', 'Quiet hours', window.quiet_hours
      ? `On: calls start only ${quietHours} callee's local time`
      : 'Off'],
  ];
}

/** The window in one line, for the schedule's summary. */
export function windowInOneLine(window) {
  return `${describeDays(window.days)} ${describeHours(window.start, window.end)} ${describeZone(window.time_zone)}, `
    + `quiet hours ${window.quiet_hours ? `on (${quietHours} callee's local time)` : 'off'}`;
}

// ---- The schedule preview's answer --------------------------------------------------------------

const zoneSources = {
  number: 'from the number',
  country: 'every zone of its country (the number says no more)',
  outplan: 'outplan\'s zone',
  utc: 'UTC (no zone known)',
};

/** Where a destination's zones came from, in words. */
export function zoneSourceWords(source) {
  return zoneSources[source] ?? source;
}

/** "Dest. 1" for destination_index 0: people count from one; the API's name is destination_0. */
export function destinationLabel(index) {
  return `Dest. ${index + 1}`;
}

/** The answer's attempts as the table's rows, in the answer's order. */
export function attemptRows(answer) {
  return answer.attempts.map((attempt, index) => ({
    number: index + 1,
    destinationIndex: attempt.destination_index,
    destinationLabel: destinationLabel(attempt.destination_index),
    destination: attempt.destination,
    tryNumber: attempt.try_number,
    dialAt: attempt.dial_at,
    dialAtText: formatWallClock(attempt.dial_at),
    dueAt: attempt.due_at,
    dueAtText: formatUtc(attempt.due_at),
    moved: attempt.moved_by_window === true,
    ringUntil: attempt.ring_until,
    ringUntilText: formatLater(attempt.ring_until, attempt.dial_at),
    calleeTimes: (attempt.callee_times ?? []).map((callee) => ({
      zone: callee.time_zone,
      localTime: callee.local_time,
      text: formatWallClock(callee.local_time),
      offset: wallClock(callee.local_time)?.offset ?? '',
    })),
  }));
}

/**
 * What the schedule comes to: its counts, first dial and last ring end, each destination with its
 * tries and zones, and, when there is no attempt, why.
 */
export function scheduleSummary(answer) {
  const attempts = answer.attempts;
  // Attempts come in the order they dial.
  const firstDial = attempts[0]?.dial_at ?? null;
  const destinations = answer.destinations.map((destination) => ({
    index: destination.destination_index,
    label: destinationLabel(destination.destination_index),
    destination: destination.destination,
    tries: destination.max_try_count,
    zones: destination.time_zones,
    source: destination.time_zone_source,
    sourceWords: zoneSourceWords(destination.time_zone_source),
    attempts: attempts.filter((attempt) => attempt.destination_index === destination.destination_index).length,
  }));
  return {
    start: answer.start,
    attempts: attempts.length,
    moved: attempts.filter((attempt) => attempt.moved_by_window === true).length,
    firstDial,
    lastRingUntil: answer.last_ring_until ?? null,
    destinations,
    emptyReason: attempts.length === 0 ? whyNoAttempts(destinations) : null,
  };
}

function whyNoAttempts(destinations) {
  if (destinations.length > 0 && destinations.every((destination) => destination.tries === 0)) {
    const named = destinations.map((destination) => `${destination.label.replace('Dest.', 'destination')} (max_try_count_${destination.index})`);
    return `No call would be placed: the outplan's try count is 0 for ${joinWords(named)}. `
      + 'A destination is tried as many times as the try count of its place in the list; give the outplan tries there, or preview other places.';
  }
  return 'No call would be placed: the API\'s answer lists no attempt.';
}

function joinWords(words) {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

// ---- The preview form ---------------------------------------------------------------------------

/** The preview form's fields: the five destinations, then the start. */
export const previewFields = ['destination_0', 'destination_1', 'destination_2', 'destination_3', 'destination_4', 'start'];

/**
 * The request body for POST …/schedule_preview from what the form holds ({destinations: the five
 * inputs' values, start: the datetime-local value, startIsBad: the input could not read it}), and
 * what the form can tell is wrong by itself. The destinations are sent in order without gaps: a
 * destination's place in the list is what picks its try count, so a gap would move every later one.
 * The start is read in this browser's zone and sent as an ISO instant; empty means now (left out).
 */
export function previewRequest({ destinations, start = '', startIsBad = false }) {
  const problems = [];
  const given = destinations.map((value) => value.trim());
  const last = given.findLastIndex((value) => value !== '');
  if (given[0] === '') {
    problems.push({ field: 'destination_0', message: 'Enter the first destination (an E.164 number such as +12125550100, or sip:user@host).' });
  }
  const gap = given.findIndex((value, index) => index > 0 && index < last && value === '');
  if (given[0] !== '' && gap > 0) {
    problems.push({
      field: `destination_${gap}`,
      message: `Destination ${gap + 1} is empty but a later one is not: a destination's place picks its try count, so fill them in order.`,
    });
  }
  const body = { destinations: given.slice(0, last + 1) };
  if (startIsBad) {
    problems.push({ field: 'start', message: 'start is not a whole date and time: complete it, or clear it to start now.' });
  } else if (start !== '') {
    const instant = new Date(start);
    if (Number.isNaN(instant.getTime())) {
      problems.push({ field: 'start', message: 'start is not a date and time: complete it, or clear it to start now.' });
    } else {
      body.start = instant.toISOString();
    }
  }
  return { body, problems };
}

/** The request's names a message may begin with, and the form's field each is shown at (null: the form's foot). */
const messageNames = [
  ...[0, 1, 2, 3, 4].map((index) => [`destinations[${index}]`, `destination_${index}`]),
  ...[0, 1, 2, 3, 4].map((index) => [`destination_${index}`, `destination_${index}`]),
  ['destinations', 'destination_0'],
  ['start', 'start'],
  // Not this form's: the outplan's own settings (the strategy-only preview takes them in the body).
  ...['calling_window', 'dial_timeout', 'try_interval', ...[0, 1, 2, 3, 4].map((index) => `max_try_count_${index}`)].map((name) => [name, null]),
];

/**
 * The preview form's field a 400 message is about, by the request name it mentions first:
 * "destinations[1] …" and "destination_1 …" are the second destination's, "destinations must
 * list …" the first's, "start …" the start's; null (the form's foot) for the outplan's own settings
 * ("calling_window …", whatever it says later about calls that start) and for anything else.
 */
export function previewFieldOfMessage(message) {
  const named = firstNamed(message, messageNames.map(([name]) => name));
  return named === null ? null : new Map(messageNames).get(named) ?? null;
}
