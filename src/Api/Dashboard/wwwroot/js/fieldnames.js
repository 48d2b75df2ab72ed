// Which of a form's request fields an API message names: the API's 400 messages begin with, or
// mention, the field they are about ("dateStart … is after dateEnd", "destinations[1] '+1555' …").

/**
 * The name that message mentions first, as a whole name (not inside a longer word; "campaigns" is
 * not found in "campaignsExclude"); of two found at the same place, the longer ("destinations[1]"
 * over "destinations"). Null when it names none.
 */
export function firstNamed(message, names) {
  let named = null;
  let at = Infinity;
  for (const name of names) {
    const found = String(message).search(new RegExp(`(?<![\\w])${escape(name)}(?![\\w])`));
    if (found >= 0 && (found < at || (found === at && name.length > named.length))) {
      named = name;
      at = found;
    }
  }
  return named;
}

function escape(name) {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
