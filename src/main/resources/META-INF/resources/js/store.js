// Keeps the conversation in localStorage so that it survives a page reload.

const KEY = 'citeqa.chat';
const VERSION = 1;

/** An empty conversation: the server assigns the ID with the first answer. */
export function emptyChat() {
  return { version: VERSION, conversationId: null, messages: [] };
}

function isValid(message) {
  if (!message || typeof message.id !== 'string') return false;
  if (message.role === 'user') return typeof message.text === 'string';
  return message.role === 'assistant' && typeof message.question === 'string'
    && (message.status !== 'done' || (typeof message.response === 'object' && message.response !== null));
}

/** The saved conversation, or an empty one when there is none or it cannot be read. */
export function loadChat() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY));
    if (saved && saved.version === VERSION && Array.isArray(saved.messages)) {
      // Whatever cannot be drawn (edited by hand, written by a buggy version) is left out.
      saved.messages = saved.messages.filter(isValid);
      // A reload interrupts any answer that was streaming; it is shown as failed, with Retry.
      for (const message of saved.messages) {
        if (message.role === 'assistant' && message.status === 'streaming') {
          message.status = 'error';
          message.error = 'The page was reloaded before this answer was complete.';
        }
      }
      return saved;
    }
  } catch {
    // Corrupt or unavailable storage (private mode): start afresh.
  }
  return emptyChat();
}

/**
 * Saves the conversation. Retrieved passages are dropped: they are large and the page only shows the
 * citations, which are kept.
 */
export function saveChat(chat) {
  const slim = {
    ...chat,
    messages: chat.messages.map((m) => {
      if (!m.response) return m;
      const { passages, ...response } = m.response;
      return { ...m, response };
    }),
  };
  try {
    localStorage.setItem(KEY, JSON.stringify(slim));
  } catch {
    // Storage full or disabled: the chat still works, it just will not survive a reload.
  }
}

export function clearChat() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}
