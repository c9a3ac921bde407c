// The index build's progress while the service builds its index: a bar with the phase, counts and time
// left, and whether questions can be asked yet and how they are answered. Polls /api/status until the index
// is complete, then hides.

import * as api from './api.js';

const POLL_MS = 1500;
const RETRY_MS = 5000;
const number = (n) => Number(n).toLocaleString();

/** "45 s", "4 min 34 s", "1 h 2 min". */
export function duration(seconds) {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

/** "Embedding 1,200 of 42,300 texts (2%) · 150 texts/s · about 4 min 34 s left". */
export function progressText(indexing) {
  if (!indexing) return '';
  const phase = indexing.phase.charAt(0).toUpperCase() + indexing.phase.slice(1);
  const parts = [indexing.total > 0
    ? `${phase} ${number(indexing.done)} of ${number(indexing.total)} ${indexing.unit} (${indexing.percent}%)`
    : phase];
  if (indexing.rate > 0) parts.push(`${number(Math.round(indexing.rate))} ${indexing.unit}/s`);
  if (indexing.etaSeconds !== undefined && indexing.total > 0) parts.push(`about ${duration(indexing.etaSeconds)} left`);
  return parts.join(' · ');
}

/** What a person needs to know: can they ask, and what answers. */
export function headline(status) {
  if (!status.ready) {
    return status.error ? `The corpus could not be indexed: ${status.error}`
      : 'Building the index. Questions can be asked once the articles’ words are indexed.';
  }
  if (status.retrieval !== status.mode) {
    return 'You can ask now: answers come from word search (BM25) until the embeddings are complete.';
  }
  return 'Updating the index. You can ask now.';
}

/**
 * parts: {section, title, bar, track, detail}; onReady() is called once when questions can first be asked
 * (the article list and suggestions failed while they could not).
 */
export function initStatus(parts, { onReady }) {
  let wasReady = null;
  let timer = 0;

  function render(status) {
    const building = Boolean(status.indexing) || !status.ready || status.retrieval !== status.mode;
    parts.section.hidden = !building;
    if (!building) return false;
    parts.section.classList.toggle('is-waiting', !status.ready);
    parts.title.textContent = headline(status);
    const percent = status.indexing?.percent ?? 0;
    parts.bar.style.width = `${percent}%`;
    parts.track.setAttribute('aria-valuenow', String(percent));
    parts.track.hidden = !status.indexing;
    parts.detail.textContent = progressText(status.indexing);
    return true;
  }

  async function poll() {
    clearTimeout(timer);
    let next = POLL_MS;
    try {
      const status = await api.getStatus();
      const building = render(status);
      if (status.ready && wasReady === false) onReady();
      wasReady = status.ready;
      if (!building) return; // complete: nothing to show until the page is loaded again
    } catch {
      next = RETRY_MS; // the API key form, or the server restarting: try again later
    }
    timer = setTimeout(poll, next);
  }

  poll();
  return { refresh: poll };
}
