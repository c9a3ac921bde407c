// The article sidebar: a title search, and the list one page at a time (newest first), so that a corpus of
// any size puts at most PAGE_SIZE articles into the page.

import * as api from './api.js';
import { renderArticleList } from './render.js';

export const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 250;

const number = (n) => n.toLocaleString();

/** "2 entries of the corpus folder were left out (folder: 1, not-txt: 1)", from /api/status. */
function leftOut({ count, byReason }) {
  const reasons = Object.entries(byReason).map(([reason, n]) => `${reason}: ${number(n)}`).join(', ');
  const entries = count === 1 ? '1 entry of the corpus folder was'
    : `${number(count)} entries of the corpus folder were`;
  return `${entries} left out (${reasons})`;
}

function skippedText(skipped) {
  return `${leftOut(skipped)}. Articles are the *.txt files (UTF-8 or Windows-1252) in the folder `
    + 'and its subfolders, one article per file; /q/health/ready names the files left out.';
}

/**
 * parts: {list, status, count, search, searchForm, pager, previous, next, range, scroller}
 * onOpen(id, button) opens an article; onPage(articles) gets each page shown, for the titles it carries.
 */
export function initSidebar(parts, { onOpen, onPage }) {
  const view = { query: '', offset: 0, total: 0, request: 0, timer: 0 };

  function showStatus(text) {
    parts.status.hidden = !text;
    parts.status.textContent = text || '';
  }

  function showPage({ count, articles }) {
    view.total = count;
    if (!view.query) parts.count.textContent = `(${number(count)})`;
    renderArticleList(parts.list, articles, onOpen);
    if (count === 0) {
      showStatus(view.query ? `No article title matches “${view.query}”.` : 'The corpus has no articles yet.');
      if (!view.query) explainEmpty(view.request);
    } else if (articles.length === 0) {
      showStatus('No more articles.');
    } else {
      showStatus('');
      if (!view.query && view.offset === 0) noteSkipped(view.request);
    }
    parts.pager.hidden = count <= PAGE_SIZE;
    parts.previous.disabled = view.offset === 0;
    parts.next.disabled = view.offset + PAGE_SIZE >= count;
    parts.range.textContent = articles.length
      ? `${number(view.offset + 1)}–${number(view.offset + articles.length)} of ${number(count)}` : '';
  }

  /** An empty list may be the wrong kind of files, or unreadable ones: the status says what was left out. */
  async function explainEmpty(request) {
    try {
      const { skipped } = await api.getStatus();
      if (request === view.request && skipped?.count > 0) {
        showStatus(`The corpus has no articles yet. ${skippedText(skipped)}`);
      }
    } catch {
      // The plain message stays.
    }
  }

  /** Files left out of a corpus that has articles are said too: else a misnamed file just never shows up. */
  async function noteSkipped(request) {
    try {
      const { skipped } = await api.getStatus();
      if (request === view.request && skipped?.count > 0) {
        showStatus(`${leftOut(skipped)}; /q/health/ready names them.`);
      }
    } catch {
      // Nothing to add.
    }
  }

  /** Loads the page at view.offset for view.query; a slower answer to an earlier request is dropped. */
  async function load() {
    const request = ++view.request;
    parts.list.setAttribute('aria-busy', 'true');
    try {
      const page = await api.getArticles({ q: view.query, offset: view.offset, limit: PAGE_SIZE });
      if (request !== view.request) return;
      showPage(page);
      onPage(page.articles);
    } catch (error) {
      if (request !== view.request) return;
      // 503: no index yet; the page loads the list again once one serves.
      showStatus(error.status === 503 ? 'The articles appear here once the index is built.'
        : `Articles could not be loaded: ${error.message}`);
    } finally {
      if (request === view.request) parts.list.setAttribute('aria-busy', 'false');
    }
  }

  function search(now) {
    clearTimeout(view.timer);
    const query = parts.search.value.trim();
    if (query === view.query) return;
    view.timer = setTimeout(async () => {
      view.query = query;
      view.offset = 0;
      await load();
      parts.scroller.scrollTop = 0; // new results start at the top, as a new page does
    }, now ? 0 : SEARCH_DELAY_MS);
  }

  async function turn(step) {
    const offset = Math.max(0, view.offset + step * PAGE_SIZE);
    if (offset === view.offset || offset >= view.total) return;
    const used = step < 0 ? parts.previous : parts.next;
    view.offset = offset;
    await load();
    parts.scroller.scrollTop = 0;
    // The button just used may be disabled now (first or last page): keep the focus in the list. Browsers differ
    // on a focused button that is disabled: some keep it focused, newer Chromium hands the focus to the body.
    const lost = document.activeElement === used || !document.activeElement || document.activeElement === document.body;
    if (used.disabled && lost) (parts.list.querySelector('button') || parts.search).focus();
  }

  parts.search.addEventListener('input', () => search(false));
  parts.searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    search(true);
  });
  parts.previous.addEventListener('click', () => turn(-1));
  parts.next.addEventListener('click', () => turn(1));
  return load();
}
