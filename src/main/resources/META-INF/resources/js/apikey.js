// The API key, for a service started with citeqa.api-key: asked for when the server answers 401, kept for this
// tab only (sessionStorage, never localStorage), and sent with every API request as "Authorization: Bearer".

const STORAGE = 'citeqa.apiKey';

/** Fired on document by the API client when the server wants a key; detail is the server's message. */
export const KEY_REQUIRED = 'citeqa:key-required';

// A header value: printable ASCII only, or fetch refuses to send it.
const PRINTABLE = /^[\x20-\x7e]+$/;

export function apiKey() {
  try {
    return sessionStorage.getItem(STORAGE) || null;
  } catch {
    return null; // storage disabled: no key survives, the form asks again
  }
}

/** The headers that carry the key, if one is set. */
export function authHeaders() {
  const key = apiKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

function storeKey(key) {
  try {
    if (key) sessionStorage.setItem(STORAGE, key);
    else sessionStorage.removeItem(STORAGE);
  } catch {
    // Storage disabled: the key is lost on reload, and the form asks again.
  }
}

/**
 * Wires the key form and the top bar's key button.
 *
 * @param {() => void} onKeyChange called once a key is set or forgotten, to load again what failed
 */
export function setUpKeyForm(onKeyChange) {
  const $ = (id) => document.getElementById(id);
  const form = $('key-form');
  const input = $('key-input');
  const message = $('key-message');
  const button = $('key-button');
  let returnFocus = null;

  const show = (text) => {
    message.textContent = text || '';
    button.hidden = false;
    if (form.hidden) {
      returnFocus = document.activeElement;
      form.hidden = false;
      input.value = '';
    }
    input.focus();
  };
  const hide = () => {
    form.hidden = true;
    message.textContent = '';
    if (returnFocus?.isConnected) returnFocus.focus();
  };

  // Several requests fail at once on a page load; the form shows once, with the latest message.
  document.addEventListener(KEY_REQUIRED, (event) => show(event.detail));
  button.hidden = !apiKey();
  button.addEventListener('click', () => (form.hidden ? show('') : hide()));
  $('key-cancel').addEventListener('click', hide);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (key && !PRINTABLE.test(key)) {
      message.textContent = 'An API key holds only printable ASCII characters.';
      input.focus();
      return;
    }
    storeKey(key);
    input.value = '';
    hide();
    button.hidden = !key;
    onKeyChange();
  });
}
