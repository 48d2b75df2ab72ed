// Telling what went wrong, the same way on every form and screen: a 400 beside the field its
// message names (the form's foot when it names none), and any other failure as a banner.

import { ApiError } from './api.js';
import { byId, element } from './dom.js';

/**
 * A form as these functions see it: its fields (each an input #field with its message at
 * #field-error), the message at its foot (foot), a live region that reads a message out
 * (announcer, with what failed: failed), and its submit button (submit). inputOf answers the
 * element a field's focus goes to, when that is not #field; marksInvalid says whether the field
 * takes aria-invalid (a group of radios does not).
 * @typedef {{fields: string[], foot: string, announcer: string, failed: string, submit: string,
 *   inputOf?: (field: string) => HTMLElement, marksInvalid?: (field: string) => boolean}} FormErrors
 */

/**
 * Shows a message beside its field (the form's foot when it names none), moves the focus there
 * when asked, and has it read out: focus alone says nothing when the field has it already.
 * @param {FormErrors} form
 */
export function showFieldError(form, field, message, focus = true) {
  const known = form.fields.includes(field);
  byId(known ? `${field}-error` : form.foot).textContent = message;
  byId(form.announcer).textContent = `${form.failed} ${message}`;
  const input = known ? inputOf(form, field) : byId(form.submit);
  if (known && marksInvalid(form, field)) {
    input.setAttribute('aria-invalid', 'true');
  }
  if (focus) {
    input.focus();
  }
}

/** @param {FormErrors} form */
export function clearFieldErrors(form) {
  for (const field of form.fields) {
    byId(`${field}-error`).textContent = '';
    if (marksInvalid(form, field)) {
      inputOf(form, field).removeAttribute('aria-invalid');
    }
  }
  byId(form.foot).textContent = '';
  byId(form.announcer).textContent = '';
}

function inputOf(form, field) {
  return form.inputOf?.(field) ?? byId(field);
}

function marksInvalid(form, field) {
  return form.marksInvalid?.(field) ?? true;
}

/** A failure as a banner: the API's own message, what a 403 means, and the request's id to quote. */
export function failureBanner(failure) {
  const message = failure instanceof ApiError ? failure.message : String(failure);
  const prefix = failure instanceof ApiError && failure.status === 403 ? 'This credential may not do that. ' : '';
  const reference = failure instanceof ApiError && failure.requestId ? ` (request ${failure.requestId})` : '';
  return element('p', { class: 'banner error' }, `${prefix}${message}${reference}`);
}
