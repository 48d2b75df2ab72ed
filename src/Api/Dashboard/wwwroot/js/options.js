// The plan's options as the form holds them, read into the contract's request body, and the
// API's 400 messages matched back to the field they name.

import { byId } from './dom.js';
import { firstNamed } from './fieldnames.js';

/** The form's fields, by the request's names; "campaigns" stands for the whole campaign filter. */
export const planFields = ['dateStart', 'dateEnd', 'dailyDialsTarget', 'groupBy', 'inventoryMode', 'campaigns'];

const targetsByValue = { 50: 'BEST', 75: 'BETTER', 100: 'GOOD' };

/**
 * The request body for POST /ani-planner/generate, and what the form itself can tell is wrong.
 * An empty date is left out so that the contract's default applies.
 */
export function readOptions() {
  const body = {};
  const problems = [];
  for (const field of ['dateStart', 'dateEnd']) {
    const input = byId(field);
    if (input.validity.badInput) {
      problems.push({ field, message: `${field} is not a whole date: complete it, or clear it for the default.` });
    } else if (input.value !== '') {
      body[field] = input.value;
    }
  }
  for (const field of ['dailyDialsTarget', 'groupBy', 'inventoryMode']) {
    body[field] = byId(field).value;
  }

  const mode = document.querySelector('input[name="campaignMode"]:checked').value;
  if (mode !== 'all') {
    const checked = [...document.querySelectorAll('#campaign-list input[type="checkbox"]:checked')].map((box) => box.value);
    if (checked.length === 0) {
      problems.push({ field: 'campaigns', message: 'Check at least one campaign, or choose Every campaign.' });
    } else {
      body[mode === 'include' ? 'campaigns' : 'campaignsExclude'] = checked;
    }
  }
  return { body, problems };
}

/** Shows the options the plan was made with, defaults resolved (the first plan is asked with none). */
export function showResolvedOptions(plan) {
  byId('dateStart').value = plan.dateStart;
  byId('dateEnd').value = plan.dateEnd;
  byId('dailyDialsTarget').value = targetsByValue[plan.dailyDialsTarget] ?? byId('dailyDialsTarget').value;
  byId('groupBy').value = plan.groupBy;
  byId('inventoryMode').value = plan.inventoryMode;
}

const requestFields = ['dateStart', 'dateEnd', 'dailyDialsTarget', 'groupBy', 'inventoryMode', 'campaignsExclude', 'campaigns'];

/**
 * The form field a 400 message is about: the request field it names first ("dateStart ... is
 * after dateEnd" is dateStart's), the dates for a range that is too long or has no weekday, and
 * null (the form's foot) for anything else.
 */
export function fieldOfMessage(message) {
  const named = firstNamed(message, requestFields);
  if (named === 'campaignsExclude') {
    return 'campaigns';
  }
  return named ?? (/\brange\b/i.test(message) ? 'dateStart' : null);
}
