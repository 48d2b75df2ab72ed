// Building elements from data: text always goes in as text (names come from the company's data).

/** An element with attributes (false/null/undefined left out) and children (strings become text). */
export function element(tag, attributes = {}, ...children) {
  const made = document.createElement(tag);
  setAttributes(made, attributes);
  made.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return made;
}

const svgNamespace = 'http://www.w3.org/2000/svg';

/** The same for SVG: attributes only (the page's policy allows no inline style). */
export function svgElement(tag, attributes = {}, ...children) {
  const made = document.createElementNS(svgNamespace, tag);
  setAttributes(made, attributes);
  made.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return made;
}

function setAttributes(target, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    target.setAttribute(name, value === true ? '' : String(value));
  }
}

export function byId(id) {
  const found = document.getElementById(id);
  if (!found) {
    throw new Error(`The page has no element #${id}.`);
  }
  return found;
}

const integers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 12,345 */
export function formatCount(value) {
  return integers.format(value);
}

/** "1 region", "12 regions" (the count formatted). */
export function counted(count, noun) {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** +6, -2, 0: a difference always shows its sign. */
export function formatDifference(value) {
  return value > 0 ? `+${formatCount(value)}` : formatCount(value);
}

/** 27.1 % (the API's percentage as given, up to two decimals). */
export function formatPercent(value) {
  return `${decimals.format(value)} %`;
}
