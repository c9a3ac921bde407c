// Finds citation markers such as "[000_a501985d60945543]" in answer text. Pure functions, no DOM.

// A bracketed run without nested brackets or line breaks, like the server's own verifier looks for.
const BRACKETS = /\[([^[\]\n]{1,400})\]/g;
// "ID:", "source", "article #" and the like, which models sometimes put in front of an ID.
const LABEL = /^(?:id|source|article|doc|ref)s?\s*[:#]?\s*/i;

const unlabelled = (part) => part.trim().replace(LABEL, '');

/**
 * The article IDs in one bracket's content, or null when it is not (only) a citation of known articles. An ID
 * may hold spaces ("Storm hits coast (1)"), so content, or a part of it between commas, that is a known ID whole
 * is one ID, as the server's verifier reads it.
 */
function idsIn(content, isKnown) {
  if (isKnown(unlabelled(content))) return [unlabelled(content)];
  const ids = content
    .split(/[,;|]/)
    .map(unlabelled)
    .flatMap((piece) => (isKnown(piece) ? [piece] : piece.split(/\s+and\s+|\s+/).map(unlabelled)))
    .filter((part) => part !== '');
  return ids.length > 0 && ids.every(isKnown) ? ids : null;
}

/**
 * Splits answer text into segments: {type: 'text', text} and {type: 'cite', id, number}. Numbers follow the
 * order in which each article is first cited. Brackets that do not name known articles stay text, so a
 * sentence like "the [sic] talks" is left alone.
 *
 * @param {string} text the answer text
 * @param {(id: string) => boolean} isKnown whether an ID may be a chip in this answer (see chipIds)
 * @param {boolean} streaming when true, an unfinished "[..." at the very end is held back (the rest of
 *     the marker has not arrived yet), so it does not flash as text before becoming a chip
 * @returns {{segments: Array, order: string[]}} order lists the cited IDs by number (order[0] is [1])
 */
export function parseAnswer(text, isKnown, streaming = false) {
  if (streaming) {
    const open = text.lastIndexOf('[');
    if (open >= 0 && !text.includes(']', open) && text.length - open <= 140 && !text.includes('\n', open)) {
      text = text.slice(0, open);
    }
  }
  const segments = [];
  const order = [];
  let last = 0;
  for (const match of text.matchAll(BRACKETS)) {
    const ids = idsIn(match[1], isKnown);
    if (!ids) continue;
    // A marker ends the sentence it supports; the space before it is dropped so the chip hugs the text.
    const before = text.slice(last, match.index).replace(/[ \t]+$/, '');
    if (before) segments.push({ type: 'text', text: before });
    for (const id of ids) {
      if (!order.includes(id)) order.push(id);
      segments.push({ type: 'cite', id, number: order.indexOf(id) + 1 });
    }
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ type: 'text', text: text.slice(last) });
  return { segments, order };
}

/**
 * The article IDs an answer may show as chips. Once it is complete, only those its citations name: the server
 * checked them, and a bracketed ID anywhere else in the text (quoted from an article, say) is text. While it
 * streams there are no citations yet, so the retrieved passages stand in; the complete answer replaces it.
 *
 * @param {object} message an assistant message: {status, passages, response}
 * @returns {Set<string>}
 */
export function chipIds(message) {
  if (message.status === 'done' && message.response) {
    return new Set((message.response.citations || []).map((c) => c.id));
  }
  return new Set((message.passages || message.response?.passages || []).map((p) => p.id));
}

/**
 * The answer's citations in chip order: cited-in-text first, by number, then any citation whose marker
 * is not in the text (so every source still gets a number in the list below the answer).
 *
 * @returns {Array<{number: number, citation: object}>}
 */
export function numberCitations(citations, order) {
  const numbered = [];
  const byId = new Map((citations || []).map((c) => [c.id, c]));
  order.forEach((id, index) => {
    if (byId.has(id)) numbered.push({ number: index + 1, citation: byId.get(id) });
  });
  let next = order.length + 1;
  for (const citation of citations || []) {
    if (!order.includes(citation.id)) numbered.push({ number: next++, citation });
  }
  return numbered;
}
