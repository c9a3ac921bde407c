// Builds the page's DOM. Every piece of text from the server (answers, titles, article text) goes in
// through textContent or text nodes, never as HTML, so markup inside a news article stays visible text.

import { chipIds, numberCitations, parseAnswer } from './citations.js';

/** Creates an element with optional class, text and attributes, and appends the children. */
export function el(tag, { className, text, attrs } = {}, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child) node.append(child);
  }
  return node;
}

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** "2025-05-13" as a readable date; the API gives null when an article has no date. */
export function formatDate(iso) {
  if (!iso) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : DATE_FORMAT.format(date);
}

/** "May 13, 2025 · Outlet", leaving out what is unknown. */
function metaLine(date, outlet) {
  return [formatDate(date), outlet].filter(Boolean).join(' · ');
}

// ---------------------------------------------------------------------------------------------------------
// Messages

export function renderUserMessage(message) {
  return el('article', { className: 'message message-user', attrs: { 'data-id': message.id } },
    el('div', { className: 'bubble' },
      el('span', { className: 'visually-hidden', text: 'You asked: ' }),
      el('p', { className: 'message-text', text: message.text, attrs: { dir: 'auto' } })));
}

/**
 * An answer in any state: streaming, done (answered or not) or failed.
 *
 * ctx: {titleOf(id), onCite(id, citation, button), onRetry(message), canRetry, onAsk(question)}
 */
export function renderAssistantMessage(message, ctx) {
  const response = message.response;
  const notAnswered = message.status === 'done' && response && !response.answered;
  const classes = ['message', 'message-assistant'];
  if (message.status === 'streaming') classes.push('is-streaming');
  if (message.status === 'error') classes.push('is-error');
  if (notAnswered) classes.push('is-not-answered');

  const node = el('article', {
    className: classes.join(' '),
    attrs: { 'data-id': message.id, 'aria-busy': message.status === 'streaming' ? 'true' : 'false' },
  });
  const bubble = el('div', { className: 'bubble' });
  node.append(el('div', { className: 'avatar', text: 'C', attrs: { 'aria-hidden': 'true' } }), bubble);

  if (message.status === 'error') {
    bubble.append(
      el('p', { className: 'state-label state-label-error', text: 'Something went wrong' }),
      el('p', { className: 'error-text', text: message.error || 'The answer failed.' }),
      retryButton(message, ctx));
    return node;
  }

  bubble.append(el('span', { className: 'visually-hidden', text: 'CiteQA answered: ' }));
  if (notAnswered) {
    bubble.append(el('p', { className: 'state-label state-label-unanswered' },
      el('span', { className: 'state-icon', text: '?', attrs: { 'aria-hidden': 'true' } }),
      document.createTextNode('Not in the corpus')));
  }

  // The model failed and the built-in answerer stepped in: say so, and offer to ask the model again.
  const fallbackReason = message.status === 'done' ? (response?.fallback ? response.fallbackReason : null)
    : message.fallbackReason;
  if (fallbackReason || response?.fallback) {
    bubble.append(el('div', { className: 'notice notice-fallback', attrs: { role: 'note' } },
      el('p', { text: `The language model could not answer (${fallbackReason || 'unknown reason'}). `
        + 'This answer comes from the built-in extractive answerer instead.' }),
      message.status === 'done' ? retryButton(message, ctx) : null));
  }

  // Misspelled words were read as the corpus spells them: say which, as a search page does.
  const corrections = message.status === 'done' ? response?.corrections : null;
  if (corrections?.length) {
    bubble.append(el('p', { className: 'corrected', attrs: { role: 'note' } },
      document.createTextNode('Read '
        + corrections.map(c => `“${c.from}” as “${c.to}”`).join(', ') + '.')));
  }
  // A name no article has, one letter from one they have, is read as written: offer the articles' spelling.
  const suggested = message.status === 'done' ? response?.suggestedQuestion : null;
  if (suggested) {
    const button = el('button', { className: 'link-button suggested', text: suggested, attrs: { type: 'button' } });
    button.disabled = !ctx.canRetry();
    button.addEventListener('click', () => ctx.onAsk(suggested));
    bubble.append(el('p', { className: 'corrected', attrs: { role: 'note' } },
      document.createTextNode('Did you mean: '), button));
  }

  bubble.append(el('div', { className: 'status-line', attrs: { 'aria-hidden': 'true' } }));
  // dir=auto: an answer or article in Arabic or Hebrew reads right to left, as its own text says.
  bubble.append(el('div', { className: 'answer-text', attrs: { dir: 'auto' } }));
  updateAnswerText(node, message, ctx);

  if (message.status !== 'done') return node;

  if (message.forgotten) {
    bubble.append(el('div', { className: 'notice notice-warning', attrs: { role: 'note' } },
      el('p', { text: 'The service no longer had the earlier questions of this chat (it forgets them after a while, '
        + 'and when it restarts), so this one was read on its own. Ask it in full if it follows up on them.' })));
  }

  // The model's sentences that the check did not let through as cited: quoted, so that the reader can judge them.
  const unsupported = response.unsupportedSentences || [];
  if (unsupported.length) {
    const count = unsupported.length;
    const heading = response.answered === false
      ? 'The language model’s answer, withheld because it cites no article found for the question:'
      : `${count} sentence${count === 1 ? ' is' : 's are'} not backed by the cited articles; `
        + 'check the sources before relying on ' + (count === 1 ? 'it:' : 'them:');
    bubble.append(el('div', { className: 'notice notice-warning unsupported', attrs: { role: 'note' } },
      el('p', { text: heading }),
      el('ul', {}, ...unsupported.map(sentence => el('li', { text: sentence, attrs: { dir: 'auto' } })))));
  }

  const { order } = parseAnswer(response.answer || '', isChip(message));
  const numbered = numberCitations(response.citations, order);
  if (numbered.length > 0) {
    bubble.append(renderSources(numbered, ctx));
  }

  const footer = el('p', { className: 'message-footer' },
    el('span', { className: 'answerer-label', text: 'Answered by ' }),
    el('span', { className: 'answerer', text: response.answerer || 'unknown' }));
  if (response.timingsMs?.total !== undefined) {
    footer.append(el('span', { className: 'timing', text: ` · ${response.timingsMs.total} ms` }));
  }
  // While the index's vectors are built, passages are found by their words alone: say so.
  if (response.retrieval === 'bm25' && response.indexing) {
    footer.append(el('span', { className: 'retrieval-note',
      text: ' · found by word search (BM25) while the index is completed' }));
  }
  bubble.append(footer);
  return node;
}

function retryButton(message, ctx) {
  const button = el('button', {
    className: 'button button-small retry-button',
    text: 'Retry',
    attrs: { type: 'button', 'aria-label': `Retry: ${message.question}` },
  });
  button.disabled = !ctx.canRetry();
  button.addEventListener('click', () => ctx.onRetry(message));
  return button;
}

/**
 * (Re)draws the answer text of a message: final text when done, else the text streamed so far, with the
 * status line ("Searching…") shown until the first words arrive.
 */
export function updateAnswerText(node, message, ctx) {
  const container = node.querySelector('.answer-text');
  const status = node.querySelector('.status-line');
  if (!container) return;
  const streaming = message.status === 'streaming';
  const text = streaming ? message.text : (message.response?.answer ?? message.text);
  const { segments } = parseAnswer(text || '', isChip(message), streaming);
  const citationsById = new Map((message.response?.citations || []).map((c) => [c.id, c]));

  const span = streaming ? null : message.response?.answerSpan;
  let bolded = false;
  container.replaceChildren(...segments.flatMap((segment) => {
    if (segment.type !== 'text') return [chip(segment, citationsById.get(segment.id), ctx)];
    // The answering phrase, once, in the first text that holds it.
    // A surname's whole name, when the article gives it, is what the answer says: bolded, else the phrase.
    let phrase = span ? span.name || span.text : '';
    let at = span && !bolded ? segment.text.indexOf(phrase) : -1;
    if (at < 0 && span && !bolded && span.name) {
      phrase = span.text;
      at = segment.text.indexOf(phrase);
    }
    if (at < 0) return [document.createTextNode(segment.text)];
    bolded = true;
    return [segment.text.slice(0, at), el('strong', { className: 'answer-span', text: phrase }),
      segment.text.slice(at + phrase.length)].filter((part) => part !== '');
  }));

  if (status) {
    const waiting = streaming && segments.length === 0;
    status.hidden = !waiting;
    if (waiting) {
      const found = message.passages?.length;
      status.replaceChildren(
        el('span', { className: 'dots' }, el('span'), el('span'), el('span')),
        el('span', { text: found ? `Found ${found} passages, writing the answer…` : 'Searching the corpus…' }));
    }
  }
}

/** Whether a bracketed ID in this message's text becomes a chip (see chipIds). */
function isChip(message) {
  const ids = chipIds(message);
  return (id) => ids.has(id);
}

/** A citation chip: the number in a pill; hover shows the article title, screen readers hear both. */
function chip(segment, citation, ctx) {
  const title = citation?.title || ctx.titleOf(segment.id);
  const button = el('button', {
    className: 'chip',
    text: String(segment.number),
    attrs: {
      type: 'button',
      title,
      'aria-label': `Source ${segment.number}: ${title}`,
      'data-article-id': segment.id,
    },
  });
  button.addEventListener('click', () => ctx.onCite(segment.id, citation, button));
  return button;
}

function renderSources(numbered, ctx) {
  const list = el('ol', { className: 'source-list' });
  for (const { number, citation } of numbered) {
    const date = formatDate(citation.date);
    const button = el('button', {
      className: 'source-item',
      // The whole title, cut to one line in the list, then the quoted passage.
      attrs: { type: 'button', 'data-article-id': citation.id,
        title: [citation.title, citation.snippet].filter(Boolean).join('\n\n') },
    },
    el('span', { className: 'source-number', text: String(number), attrs: { 'aria-hidden': 'true' } }),
    el('span', { className: 'visually-hidden', text: `Source ${number}: ` }),
    el('span', { className: 'source-title', text: citation.title || citation.id, attrs: { dir: 'auto' } }),
    date ? el('span', { className: 'source-date', text: date }) : null,
    citation.supported === false ? el('span', { className: 'source-flag', text: 'not verified' }) : null);
    button.addEventListener('click', () => ctx.onCite(citation.id, citation, button));
    list.append(el('li', {}, button));
  }
  return el('section', { className: 'sources', attrs: { 'aria-label': 'Sources' } },
    el('h3', { className: 'sources-heading', text: 'Sources' }), list);
}

// ---------------------------------------------------------------------------------------------------------
// Sidebar and starter questions

export function renderArticleList(list, articles, onOpen) {
  list.replaceChildren(...articles.map((article) => {
    const meta = metaLine(article.date, article.outlet);
    const button = el('button', {
      className: 'article-item',
      attrs: { type: 'button', 'data-article-id': article.id, title: article.title || article.id }, // cut to two lines
    },
    el('span', { className: 'article-item-title', text: article.title || article.id, attrs: { dir: 'auto' } }),
    el('span', { className: 'article-item-meta', text: meta || 'Undated' }));
    button.addEventListener('click', () => onOpen(article.id, button));
    return el('li', {}, button);
  }));
}

export function renderSuggestions(container, questions, onAsk) {
  container.replaceChildren(...questions.map((question) => {
    const button = el('button', { className: 'suggestion', text: question, attrs: { type: 'button' } });
    button.addEventListener('click', () => onAsk(question));
    return button;
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Article panel

/**
 * Fills the panel with an article. When a citation is given, the cited range is wrapped in <mark> in every
 * paragraph it overlaps, and the answering phrase (span) in <strong>: citation, span and paragraph offsets all
 * count UTF-16 units in the original file, which is also how JavaScript strings count, so plain slicing lines
 * them up.
 *
 * @returns {HTMLElement|null} the first highlighted part, to scroll to
 */
export function renderArticle(parts, article, citation, span = null) {
  parts.title.textContent = article.title || article.id;
  parts.title.dir = 'auto';
  parts.meta.textContent = metaLine(article.date, article.outlet) || 'Undated';
  let first = null;
  const paragraphs = article.paragraphs?.length ? article.paragraphs
    : [{ text: article.text || '', start: -1, end: -1 }];
  parts.body.replaceChildren(...paragraphs.map((paragraph) => {
    const p = el('p', { attrs: { dir: 'auto' } });
    if (!citation || paragraph.start < 0) {
      p.textContent = paragraph.text;
      return p;
    }
    const local = (range) => [Math.max(range.start, paragraph.start) - paragraph.start,
      Math.min(range.end, paragraph.end) - paragraph.start];
    const [from, to] = local(citation);
    const [boldFrom, boldTo] = span ? local(span) : [0, 0];
    // Cut the paragraph where any range starts or ends; each piece is plain, marked, bold, or both.
    const cuts = [...new Set([0, paragraph.text.length, from, to, boldFrom, boldTo])]
      .filter((at) => at >= 0 && at <= paragraph.text.length).sort((a, b) => a - b);
    // The cited range is one <mark> (pieces side by side would show their seams and clip each other's letters).
    let mark = null;
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [a, b] = [cuts[i], cuts[i + 1]];
      const text = paragraph.text.slice(a, b);
      const bold = boldFrom < boldTo && a >= boldFrom && b <= boldTo;
      const piece = bold ? el('strong', { className: 'answer-span', text }) : document.createTextNode(text);
      if (from < to && a >= from && b <= to) {
        if (!mark) {
          mark = el('mark');
          p.append(mark);
          first ??= mark;
        }
        mark.append(piece);
      } else {
        p.append(piece);
      }
    }
    return p;
  }));
  return first;
}
