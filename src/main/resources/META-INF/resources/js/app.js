// Wires the chat page together: conversation state, the composer, the article sidebar and panel.

import * as api from './api.js';
import { setUpKeyForm } from './apikey.js';
import { emptyChat, loadChat, saveChat, clearChat } from './store.js';
import {
  renderArticle, renderAssistantMessage, renderSuggestions, renderUserMessage, updateAnswerText,
} from './render.js';
import { initSidebar } from './sidebar.js';
import { initStatus } from './status.js';

const $ = (id) => document.getElementById(id);
const ui = {
  messages: $('messages'),
  emptyState: $('empty-state'),
  suggestions: $('suggestions'),
  form: $('ask-form'),
  question: $('question'),
  send: $('send'),
  newChat: $('new-chat'),
  sidebar: $('sidebar'),
  sidebarToggle: $('sidebar-toggle'),
  sidebarClose: $('sidebar-close'),
  articleList: $('article-list'),
  articleCount: $('article-count'),
  articleStatus: $('article-status'),
  articleSearch: $('article-search'),
  articleSearchForm: $('article-search-form'),
  articlePager: $('article-pager'),
  articlePrevious: $('article-previous'),
  articleNext: $('article-next'),
  articleRange: $('article-range'),
  panel: $('article-panel'),
  panelTitle: $('panel-title'),
  panelMeta: $('panel-meta'),
  panelBody: $('panel-body'),
  panelScroll: $('panel-scroll'),
  panelStatus: $('panel-status'),
  panelClose: $('panel-close'),
  backdrop: $('backdrop'),
  indexStatus: $('index-status'),
  indexStatusTitle: $('index-status-title'),
  indexProgress: $('index-progress'),
  indexProgressBar: $('index-progress-bar'),
  indexStatusDetail: $('index-status-detail'),
};

const state = {
  chat: loadChat(),
  articles: new Map(), // id -> {id, title, date, outlet}, from the pages of /api/articles shown so far
  articleCache: new Map(), // id -> Promise of the full article
  busy: false, // an answer is streaming
  controller: null, // aborts the streaming answer on "New chat"
  panelTrigger: null, // the element that opened the article panel, to return focus to
  panelRequest: 0, // ignores a slow article load once another article was opened
};

// Message IDs only need to be unique within one saved conversation.
const newId = () => `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

// ---------------------------------------------------------------------------------------------------------
// Rendering messages

/** What the renderer needs to know about one message. */
function contextFor(message) {
  const passages = () => message.passages || message.response?.passages || [];
  const citations = () => message.response?.citations || [];
  return {
    titleOf: (id) => citations().find((c) => c.id === id)?.title || passages().find((p) => p.id === id)?.title
      || state.articles.get(id)?.title || id,
    onCite: (id, citation, button) => openArticle(id, citation, button, message.response?.answerSpan),
    onRetry: retry,
    canRetry: () => !state.busy,
    onAsk: (question) => ask(question),
  };
}

function renderMessage(message) {
  return message.role === 'user' ? renderUserMessage(message) : renderAssistantMessage(message, contextFor(message));
}

function messageNode(message) {
  return ui.messages.querySelector(`[data-id="${message.id}"]`);
}

/** Replaces a message's element with a fresh rendering of its current state. */
function redraw(message) {
  const old = messageNode(message);
  const fresh = renderMessage(message);
  if (old) old.replaceWith(fresh);
  else ui.messages.append(fresh);
}

function renderAll() {
  ui.messages.querySelectorAll('.message').forEach((node) => node.remove());
  for (const message of state.chat.messages) {
    ui.messages.append(renderMessage(message));
  }
  updateEmptyState();
}

function updateEmptyState() {
  ui.emptyState.hidden = state.chat.messages.length > 0;
}

function isNearBottom() {
  const m = ui.messages;
  return m.scrollHeight - m.scrollTop - m.clientHeight < 120;
}

function scrollToBottom() {
  ui.messages.scrollTop = ui.messages.scrollHeight;
}

// Streamed tokens can arrive faster than the screen refreshes; redraw at most once per frame.
let pendingFrame = 0;
function scheduleTextUpdate(message) {
  if (pendingFrame) return;
  pendingFrame = requestAnimationFrame(() => {
    pendingFrame = 0;
    const node = messageNode(message);
    if (!node) return;
    const follow = isNearBottom();
    updateAnswerText(node, message, contextFor(message));
    if (follow) scrollToBottom();
  });
}

// ---------------------------------------------------------------------------------------------------------
// Asking

function setBusy(busy) {
  state.busy = busy;
  ui.send.disabled = busy;
  ui.form.setAttribute('aria-busy', String(busy));
  ui.messages.querySelectorAll('.retry-button').forEach((button) => { button.disabled = busy; });
}

function ask(question) {
  question = question.trim();
  if (!question || state.busy) return;
  const user = { id: newId(), role: 'user', text: question };
  const answer = { id: newId(), role: 'assistant', question, status: 'streaming', text: '' };
  state.chat.messages.push(user, answer);
  ui.messages.append(renderMessage(user), renderMessage(answer));
  updateEmptyState();
  scrollToBottom();
  saveChat(state.chat);
  answerQuestion(answer);
}

/** Streams the answer to message.question into message, then draws the verified final answer. */
async function answerQuestion(message) {
  const controller = new AbortController();
  state.controller = controller;
  setBusy(true);
  const continuing = Boolean(state.chat.conversationId);
  try {
    const result = await api.ask(message.question, state.chat.conversationId, {
      onSources(sources) {
        // Remember the conversation at once, so a follow-up continues it even if this answer fails.
        state.chat.conversationId = sources.conversationId;
        message.passages = sources.passages;
        scheduleTextUpdate(message);
      },
      onToken(text) {
        message.text += text;
        scheduleTextUpdate(message);
      },
      onFallback(reason) {
        // The model's partial text is discarded; the fallback answer streams in from the start.
        message.fallbackReason = reason;
        message.text = '';
        redraw(message);
      },
    }, controller.signal);
    if (controller.signal.aborted) return;
    state.chat.conversationId = result.conversationId;
    // The service forgets a conversation after a while idle, and on restart: this question was read alone.
    const forgotten = continuing && result.resumed === false;
    Object.assign(message, { status: 'done', response: result, text: result.answer, error: null, forgotten });
  } catch (error) {
    if (controller.signal.aborted) return; // "New chat" was pressed; this message is gone
    Object.assign(message, {
      status: 'error',
      error: error instanceof api.ApiError ? error.message : 'The connection to the server was lost.',
    });
  } finally {
    if (state.controller === controller) {
      state.controller = null;
      setBusy(false);
    }
  }
  delete message.passages; // the citations carry what the page needs from here on
  delete message.fallbackReason;
  const follow = isNearBottom();
  redraw(message);
  if (follow) scrollToBottom();
  saveChat(state.chat);
}

/** Asks a failed (or fallback) answer's question again: in place when it is the latest turn. */
function retry(message) {
  if (state.busy) return;
  const last = state.chat.messages[state.chat.messages.length - 1];
  if (last === message) {
    Object.assign(message, { status: 'streaming', text: '', error: null, response: null });
    redraw(message);
    ui.question.focus();
    answerQuestion(message);
  } else {
    ui.question.focus();
    ask(message.question);
  }
}

function newChat() {
  state.controller?.abort();
  state.controller = null;
  setBusy(false);
  state.chat = emptyChat();
  clearChat();
  renderAll();
  // The old chat's source and drawer go with it, or the question box would sit under their backdrop.
  closePanel();
  closeSidebar(false);
  ui.question.value = '';
  ui.question.focus();
}

// ---------------------------------------------------------------------------------------------------------
// Article panel and sidebar

function loadArticle(id) {
  if (!state.articleCache.has(id)) {
    const request = api.getArticle(id);
    request.catch(() => state.articleCache.delete(id)); // let a later click try again
    state.articleCache.set(id, request);
  }
  return state.articleCache.get(id);
}

/**
 * Opens an article in the panel, highlighting the citation's passage when one is given, and in it the
 * answering phrase in bold when the span belongs to this article.
 */
async function openArticle(id, citation, trigger, span) {
  const request = ++state.panelRequest;
  state.panelTrigger = trigger || document.activeElement;
  closeSidebar(false);
  // The panel narrows the chat column on wide screens; keep the latest answer in view if it was.
  const follow = isNearBottom();
  ui.panel.hidden = false;
  document.body.classList.add('panel-open');
  if (follow) scrollToBottom();
  ui.panelTitle.textContent = state.articles.get(id)?.title || citation?.title || 'Loading…';
  ui.panelMeta.textContent = '';
  ui.panelBody.replaceChildren();
  ui.panelStatus.hidden = false;
  ui.panelStatus.textContent = 'Loading the article…';
  ui.panelTitle.focus({ preventScroll: true });
  try {
    const article = await loadArticle(id);
    if (request !== state.panelRequest) return;
    ui.panelStatus.hidden = true;
    const mark = renderArticle({ title: ui.panelTitle, meta: ui.panelMeta, body: ui.panelBody }, article, citation,
      span?.articleId === id ? span : null);
    if (mark) {
      // Clear of the sticky title, however many lines it takes.
      mark.style.scrollMarginTop = `${ui.panelTitle.parentElement.offsetHeight + 16}px`;
      mark.scrollIntoView({ block: 'center' });
    } else {
      ui.panelScroll.scrollTop = 0;
    }
  } catch (error) {
    if (request !== state.panelRequest) return;
    ui.panelStatus.textContent = error.message || 'The article could not be loaded.';
  }
}

function closePanel() {
  if (ui.panel.hidden) return;
  ui.panel.hidden = true;
  document.body.classList.remove('panel-open');
  state.panelRequest++;
  const trigger = state.panelTrigger;
  state.panelTrigger = null;
  // Back to the chip or article that opened the panel, if it can still take focus.
  if (trigger?.isConnected && (trigger.checkVisibility?.() ?? true)) trigger.focus();
  else ui.question.focus();
}

function openSidebar() {
  document.body.classList.add('sidebar-open');
  ui.sidebarToggle.setAttribute('aria-expanded', 'true');
  const target = ui.articleList.querySelector('button') || ui.sidebarClose;
  target.focus();
  // On a phone the drawer is still hidden while it slides in, and a hidden element takes no focus: try again
  // once it is shown.
  if (document.activeElement !== target) {
    const retry = () => {
      // Unless the drawer closed meanwhile, or the focus went into it some other way.
      if (document.body.classList.contains('sidebar-open') && !ui.sidebar.contains(document.activeElement)) {
        target.focus();
      }
    };
    ui.sidebar.addEventListener('transitionend', retry, { once: true });
    setTimeout(retry, 250);
  }
}

function closeSidebar(returnFocus = true) {
  if (!document.body.classList.contains('sidebar-open')) return;
  document.body.classList.remove('sidebar-open');
  ui.sidebarToggle.setAttribute('aria-expanded', 'false');
  if (returnFocus) ui.sidebarToggle.focus();
}

function loadArticles() {
  let first = true;
  initSidebar({
    list: ui.articleList,
    status: ui.articleStatus,
    count: ui.articleCount,
    search: ui.articleSearch,
    searchForm: ui.articleSearchForm,
    pager: ui.articlePager,
    previous: ui.articlePrevious,
    next: ui.articleNext,
    range: ui.articleRange,
    scroller: ui.sidebar,
  }, {
    onOpen: (id, button) => openArticle(id, null, button),
    onPage(articles) {
      for (const a of articles) state.articles.set(a.id, a);
      // Answers restored from storage were drawn before the titles were known; chips need them.
      if (first) renderAll();
      first = false;
    },
  });
}

const SUGGESTION_RETRIES = 20;

/** Starter questions; the server works them out after each reindex, and says "pending" until then. */
async function loadSuggestions(attempt = 0) {
  try {
    const { questions, pending } = await api.getSuggestions();
    ui.suggestions.hidden = false; // hidden by an earlier failure (before an API key was given, say)
    renderSuggestions(ui.suggestions, questions || [], (question) => {
      ask(question);
      ui.question.focus();
    });
    if (pending && attempt < SUGGESTION_RETRIES) setTimeout(() => loadSuggestions(attempt + 1), 1500);
  } catch {
    ui.suggestions.hidden = true; // the chat works without them
  }
}

// ---------------------------------------------------------------------------------------------------------
// Events

ui.form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (state.busy || !ui.question.value.trim()) return;
  const question = ui.question.value;
  ui.question.value = '';
  ask(question);
});

ui.question.addEventListener('keydown', (event) => {
  // Enter sends; Shift+Enter is a new line; Enter that confirms an IME composition is not a send.
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    ui.form.requestSubmit();
  }
});

ui.newChat.addEventListener('click', newChat);
ui.panelClose.addEventListener('click', closePanel);
ui.sidebarToggle.addEventListener('click', () => {
  if (document.body.classList.contains('sidebar-open')) closeSidebar();
  else openSidebar();
});
ui.sidebarClose.addEventListener('click', () => closeSidebar());
ui.backdrop.addEventListener('click', () => {
  closeSidebar(false);
  closePanel();
});

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  if (!ui.panel.hidden) {
    event.preventDefault();
    closePanel();
  } else if (document.body.classList.contains('sidebar-open')) {
    event.preventDefault();
    closeSidebar();
  }
});

// ---------------------------------------------------------------------------------------------------------
// Start

renderAll();
scrollToBottom();
const indexStatus = initStatus({
  section: ui.indexStatus,
  title: ui.indexStatusTitle,
  track: ui.indexProgress,
  bar: ui.indexProgressBar,
  detail: ui.indexStatusDetail,
}, {
  // The article list and suggestions answered 503 until an index served.
  onReady() {
    loadArticles();
    loadSuggestions();
  },
});
setUpKeyForm(() => {
  loadArticles();
  loadSuggestions();
  indexStatus.refresh();
});
loadArticles();
loadSuggestions();
ui.question.focus();
