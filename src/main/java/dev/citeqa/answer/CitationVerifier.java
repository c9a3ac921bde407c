package dev.citeqa.answer;

import dev.citeqa.collection.Article;
import dev.citeqa.collection.Paragraph;
import dev.citeqa.collection.Sentence;
import dev.citeqa.collection.SentenceSplitter;
import dev.citeqa.embed.Embedder;
import dev.citeqa.analysis.Anchors;
import dev.citeqa.analysis.NewsAnalyzer;
import dev.citeqa.search.PassageHit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.util.VectorUtil;

/**
 * Checks a model's answer against the passages it was given, before anyone sees it as cited.
 *
 * <ul>
 *   <li>A marker the model copied from a passage's text, with the words before it, is no citation: it is the
 *       article's own text ({@link Markers}), and is kept in round brackets.
 *   <li>Every {@code [ID]} marker naming an article that was not among the retrieved passages is removed: a
 *       model can invent IDs, and an invented citation is worse than none.
 *   <li>Each answer sentence is compared with the passages of the articles it cites, by shared terms and by
 *       embedding similarity, and each of its names and figures must be in them; a sentence they do not back is
 *       reported as unsupported.
 *   <li>An answer that cites nothing, or that says the passages do not contain the answer, is not an answer.
 * </ul>
 */
public final class CitationVerifier {

    /** Share of a sentence's terms found in its cited passages that backs it on words alone. */
    static final double LEXICAL_SUPPORT = 0.6;
    /** Cosine similarity to one cited sentence that backs it on meaning alone (a paraphrase). */
    static final double SEMANTIC_SUPPORT = 0.80;
    /** Weaker lexical and semantic evidence that back a sentence together. */
    static final double LEXICAL_PARTIAL = 0.4;
    static final double SEMANTIC_PARTIAL = 0.70;

    private static final Pattern BRACKETS = Markers.BRACKETS;
    /** A sentence's end, then its markers: group 1 the end, group 2 the markers. */
    private static final Pattern MARKERS_AFTER_STOP = Pattern.compile("([.!?][\"”’')]*)((?:\\s*"
            + BRACKETS.pattern() + ")+)");
    private static final Pattern REFUSAL = Pattern.compile("(?i)\\b(?:(?:corpus|passages?|articles?|sources?|context"
            + "|documents?|texts?)\\b[^.]{0,60}\\b(?:does not|do not|doesn't|don't|did not|cannot|can't|fails? to)\\b"
            + "[^.]{0,40}\\b(?:say|contain|mention|include|provide|state|answer|specify|give|address)"
            + "|i (?:do not|don't) know|no information|not (?:mentioned|specified|stated|provided)"
            + "|(?:cannot|can't|unable to) (?:answer|determine|find))");

    /** A footnote's caret before an ID, or the file's extension after it. */
    private static final Pattern FILE_OR_FOOTNOTE = Pattern.compile("^\\^|(?i)\\.txt$");
    /** A marker in full-width brackets ("【ID】"), as some models write them. */
    private static final Pattern FULL_WIDTH_MARKER = Pattern.compile("【([^【】\\n]{1,400})】");

    private static final NewsAnalyzer TERMS = NewsAnalyzer.forText();

    private final Embedder embedder;

    public CitationVerifier(Embedder embedder) {
        this.embedder = embedder;
    }

    public Answer verify(String modelText, List<PassageHit> passages, String answerer) {
        Map<String, List<PassageHit>> byArticle = new LinkedHashMap<>();
        for (PassageHit hit : passages) {
            byArticle.computeIfAbsent(hit.stored().passage().articleId(), id -> new ArrayList<>()).add(hit);
        }
        String text = keepKnownMarkers(read(modelText, passages, byArticle.keySet()), byArticle.keySet());
        List<Claim> claims = claims(text);

        Map<String, CitedSentence> cited = new LinkedHashMap<>();
        Set<String> unsupportedIds = new HashSet<>();
        List<String> unsupported = new ArrayList<>();
        boolean anySupported = false;
        for (Claim raw : claims) {
            Claim claim = new Claim(raw.text(), raw.ids().stream().filter(byArticle::containsKey).toList());
            List<PassageHit> sources = claim.ids().isEmpty() ? passages
                    : claim.ids().stream().flatMap(id -> byArticle.get(id).stream()).toList();
            Support support = support(claim.text(), sources);
            if (!claim.ids().isEmpty()) {
                if (support.supported()) {
                    anySupported = true;
                } else {
                    unsupportedIds.addAll(claim.ids());
                }
                for (String id : claim.ids()) {
                    CitedSentence best = bestSentence(support, id);
                    cited.merge(id, best, (a, b) -> a.similarity() >= b.similarity() ? a : b);
                }
            }
            if (!support.supported() && !claim.text().isBlank()) {
                unsupported.add(claim.text());
            }
        }

        boolean refused = REFUSAL.matcher(text).find();
        if (cited.isEmpty() || (refused && !anySupported)) {
            String draft = BRACKETS.matcher(text).replaceAll("").strip();
            List<String> notes = draft.isEmpty() || refused ? List.of() : List.of(draft);
            // "The corpus does not say." cites nothing because there is nothing to cite: the model found no answer.
            String reason = refused ? "The model found no answer." : "The model's answer cited no retrieved article.";
            return new Answer(Answer.NOT_IN_CORPUS + " " + reason, false, List.of(), answerer, notes, null);
        }
        List<Citation> citations = new ArrayList<>();
        for (Map.Entry<String, CitedSentence> e : cited.entrySet()) {
            Article article = byArticle.get(e.getKey()).getFirst().stored().article();
            Sentence s = e.getValue().sentence();
            citations.add(new Citation(article.id(), article.title(), article.date(), s.text(), s.start(), s.end(),
                    !unsupportedIds.contains(article.id())));
        }
        return new Answer(text, true, citations, answerer, unsupported, null);
    }

    /** Rewrites every bracket to the known IDs it names, and drops brackets that name none. */
    static String keepKnownMarkers(String text, Set<String> known) {
        Matcher m = BRACKETS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> kept = new ArrayList<>();
            boolean citation = false;
            for (String id : Markers.parts(m.group(1), known::contains)) {
                String meant = meant(id, known);
                if (meant != null) {
                    kept.add(meant);
                    citation = true;
                } else if (Markers.idShaped(bare(id))) {
                    citation = true; // looks like an ID, but was not retrieved: invented
                }
            }
            String replacement = !citation ? m.group() : String.join("", kept.stream().map(id -> "[" + id + "]").toList());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replaceAll("[ \\t]+([.,;:!?])", "$1").replaceAll("[ \\t]{2,}", " ").strip();
    }

    /**
     * A model's text as the check reads its markers: full-width brackets ("【ID】") as brackets, and the brackets it
     * copied from a passage's text with the words before them defused ({@link Markers#defuseQuoted}).
     */
    private static String read(String modelText, List<PassageHit> passages, Set<String> retrieved) {
        List<String> quoted = passages.stream().map(h -> h.stored().passage().text()).toList();
        String written = FULL_WIDTH_MARKER.matcher(modelText == null ? "" : modelText.strip()).replaceAll("[$1]");
        return Markers.defuseQuoted(written, quoted, retrieved::contains);
    }

    /**
     * The ID-shaped markers of a model's text, read as {@link #verify} reads them, that name none of the retrieved
     * articles: what a client that was streamed the text as written was shown as citations, and is not.
     */
    public static List<String> uncited(String modelText, List<PassageHit> passages) {
        Set<String> retrieved = new HashSet<>();
        passages.forEach(h -> retrieved.add(h.stored().passage().articleId()));
        Set<String> uncited = new LinkedHashSet<>();
        Matcher m = BRACKETS.matcher(read(modelText, passages, retrieved));
        while (m.find()) {
            for (String id : Markers.parts(m.group(1), retrieved::contains)) {
                if (meant(id, retrieved) == null && Markers.idShaped(bare(id))) {
                    uncited.add(id);
                }
            }
        }
        return List.copyOf(uncited);
    }

    /** Whether the model's text says that the passages do not answer ("The corpus does not say.", "I don't know"). */
    public static boolean refuses(String modelText) {
        return REFUSAL.matcher(modelText).find();
    }

    /**
     * The retrieved article a marker names, written as models write it: the ID itself, its file's name ("ID.txt"), a
     * footnote ("^ID"), or in other case, when that names one article only; null when it names none.
     */
    static String meant(String id, Set<String> known) {
        if (known.contains(id)) {
            return id;
        }
        String bare = bare(id);
        if (known.contains(bare)) {
            return bare;
        }
        List<String> cased = known.stream().filter(k -> k.equalsIgnoreCase(bare)).toList();
        return cased.size() == 1 ? cased.getFirst() : null;
    }

    /** The ID without a footnote's caret before it or its file's extension after it. */
    private static String bare(String id) {
        return FILE_OR_FOOTNOTE.matcher(id).replaceAll("");
    }

    /** An answer sentence and the articles it cites. */
    record Claim(String text, List<String> ids) {}

    /**
     * Splits an answer into sentences and gives each the markers inside it or right after it: "... in
     * Antalya. [001]" cites 001 for the sentence before the marker.
     */
    static List<Claim> claims(String answer) {
        // "… on May 13. [ID] The moon …" as "… on May 13 [ID]. The moon …": a marker between a full stop and the
        // next sentence would otherwise hide the boundary from the splitter, and two claims be checked as one.
        String text = MARKERS_AFTER_STOP.matcher(answer)
                .replaceAll(m -> Matcher.quoteReplacement(" " + m.group(2).strip() + m.group(1)));
        // Split where a bracket's stops are hidden ("[../notes]", "[see p. 4]"): a bracket is no sentence's end.
        String masked = BRACKETS.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group().replaceAll("[.!?]", "_")));
        List<Sentence> sentences = SentenceSplitter.split(masked, List.of(new Paragraph(masked, 0, masked.length())));
        List<String> texts = new ArrayList<>();
        List<LinkedHashSet<String>> ids = new ArrayList<>();
        for (Sentence split : sentences) {
            String sentence = SentenceSplitter.cleaned(text.substring(split.start(), split.end()));
            Matcher m = BRACKETS.matcher(sentence);
            LinkedHashSet<String> found = new LinkedHashSet<>();
            int leading = 0;
            boolean atStart = true;
            while (m.find()) {
                if (atStart && sentence.substring(leading, m.start()).isBlank()) {
                    // A marker opening a sentence belongs to the sentence before it.
                    if (!ids.isEmpty()) {
                        ids.getLast().add(m.group(1));
                    } else {
                        found.add(m.group(1));
                    }
                    leading = m.end();
                } else {
                    atStart = false;
                    found.add(m.group(1));
                }
            }
            String plain = BRACKETS.matcher(sentence).replaceAll("").replaceAll("\\s+([.,;:!?])", "$1")
                    .replaceAll("\\s{2,}", " ").strip();
            if (plain.isEmpty() || plain.matches("[.,;:!?]+")) {
                if (!ids.isEmpty()) {
                    ids.getLast().addAll(found);
                }
                continue;
            }
            texts.add(plain);
            ids.add(found);
        }
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            claims.add(new Claim(texts.get(i), List.copyOf(ids.get(i))));
        }
        return claims;
    }

    /** How well the sources back one sentence, and which of their sentences is closest to it. */
    private record Support(boolean supported, List<CitedSentence> closest) {}

    private record CitedSentence(String articleId, Sentence sentence, double similarity) {}

    private Support support(String claim, List<PassageHit> sources) {
        List<NewsAnalyzer.Token> claimTokens = TERMS.tokens(claim);
        Set<String> claimTerms = new HashSet<>();
        claimTokens.forEach(t -> claimTerms.add(t.term()));
        Set<String> sourceTerms = new HashSet<>();
        // When a source lacks a vector (a BM25-only index, or one still being embedded), support is judged on words,
        // whether or not a model runs for the answerers (citeqa.embedding.bm25-answers). Otherwise the sources'
        // sentences are embedded here, as the extractive answerer does, through the same cache: the index stores no
        // sentence vectors, and a language model's answer is rare next to its own cost.
        boolean semantic = embedder.available() && sources.stream().allMatch(h -> h.stored().vector() != null);
        float[] vector = semantic ? embedder.embed(claim) : null;
        List<CitedSentence> closest = new ArrayList<>();
        double bestSimilarity = -1;
        for (PassageHit hit : sources) {
            List<Sentence> sentences = hit.stored().passage().sentences();
            for (int i = 0; i < sentences.size(); i++) {
                sourceTerms.addAll(TERMS.terms(sentences.get(i).text()));
                double similarity = semantic ? VectorUtil.dotProduct(vector, embedder.embed(sentences.get(i).text()))
                        : lexicalSimilarity(claimTerms, sentences.get(i).text());
                if (semantic) {
                    bestSimilarity = Math.max(bestSimilarity, similarity);
                }
                closest.add(new CitedSentence(hit.stored().passage().articleId(), sentences.get(i), similarity));
            }
        }
        long shared = claimTerms.stream().filter(sourceTerms::contains).count();
        double lexical = claimTerms.isEmpty() ? 0 : (double) shared / claimTerms.size();
        // A name or figure the sources lack is the claim's own, however close the rest: "the meeting in Paris on May
        // 14" shares every other word, and nearly all its meaning, with "the meeting in Antalya on May 14".
        boolean anchored = sourceTerms.containsAll(anchors(claimTokens));
        boolean supported = anchored && (lexical >= LEXICAL_SUPPORT || bestSimilarity >= SEMANTIC_SUPPORT
                || (lexical >= LEXICAL_PARTIAL && bestSimilarity >= SEMANTIC_PARTIAL));
        return new Support(supported, closest);
    }

    /** The terms of a claim's names and figures, found as a question's anchors are ({@link Anchors}). */
    private static Set<String> anchors(List<NewsAnalyzer.Token> claim) {
        Set<String> anchors = new HashSet<>();
        for (NewsAnalyzer.Token t : claim) {
            if (Anchors.isName(t) || Anchors.isFigure(t.surface())) {
                anchors.add(t.term());
            }
        }
        return anchors;
    }

    /** Share of the claim's words a sentence holds; ranks sentences when there are no embeddings. */
    private static double lexicalSimilarity(Set<String> claimTerms, String sentence) {
        if (claimTerms.isEmpty()) {
            return 0;
        }
        Set<String> terms = new HashSet<>(TERMS.terms(sentence));
        return (double) claimTerms.stream().filter(terms::contains).count() / claimTerms.size();
    }

    private static CitedSentence bestSentence(Support support, String articleId) {
        CitedSentence best = null;
        for (CitedSentence c : support.closest()) {
            if (c.articleId().equals(articleId) && (best == null || c.similarity() > best.similarity())) {
                best = c;
            }
        }
        return best;
    }
}
