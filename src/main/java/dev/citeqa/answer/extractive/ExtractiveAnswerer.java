package dev.citeqa.answer.extractive;

import dev.citeqa.analysis.Anchors;
import dev.citeqa.analysis.EntityTagger;
import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.EntityTagger.Kind;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.analysis.QuestionAnalysis.AnswerType;
import dev.citeqa.analysis.QuestionAnalysis.QuestionTerm;
import dev.citeqa.answer.Answer;
import dev.citeqa.answer.AnswerRequest;
import dev.citeqa.answer.AnswerSpan;
import dev.citeqa.answer.Answerer;
import dev.citeqa.answer.Citation;
import dev.citeqa.answer.Markers;
import dev.citeqa.collection.Article;
import dev.citeqa.collection.Sentence;
import dev.citeqa.embed.Embedder;
import dev.citeqa.search.PassageHit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The built-in answerer: quotes the one to three consecutive sentences of the retrieved passages that best
 * answer the question, and cites the article they come from. It needs no language model. A cascade of small
 * stages: {@link WindowFeatures} measures each candidate window, {@link WindowScorer} weighs the measures
 * with the trained {@link AnswererModel}, {@link AnswerVote} lets the articles vote when the best windows name
 * different answers, and {@link Abstention} decides whether the best window is good enough to answer at all.
 *
 * <p>Hand rules stay outside the model, as facts rather than judgements: a question naming a year no article
 * mentions is not answered, nor one whose names no article mentions (when none of its figures is known
 * either), nor one about names no passage's story has.
 */
public final class ExtractiveAnswerer implements Answerer {

    public static final String NAME = "extractive";

    private static final Logger LOG = Logger.getLogger(ExtractiveAnswerer.class);

    /** Windows whose sentences' meanings are compared with the question's, the best first. */
    public static final int RESCORED = 8;

    /** Candidate windows logged per question at DEBUG level. */
    private static final int DEBUG_WINDOWS = 12;

    private final Embedder embedder;
    private final Function<String, float[]> sentenceVectors;
    private final Consumer<List<String>> embedAhead;
    private final AnswererModel model;
    private final WindowScorer scorer;
    private final AnswerVote vote;
    private final Abstention abstention;
    /** Whether the fall-back to words alone was logged: once, not for every question. */
    private final AtomicBoolean wordsAloneLogged = new AtomicBoolean();

    public ExtractiveAnswerer(Embedder embedder) {
        this(embedder, AnswererModel.load());
    }

    ExtractiveAnswerer(Embedder embedder, AnswererModel model) {
        this(embedder, embedder::embedAsIndexed, embedder::embedAheadAsIndexed, model);
    }

    /**
     * @param sentenceVectors a sentence's (or a passage's) embedding: a table
     */
    ExtractiveAnswerer(Embedder embedder, Function<String, float[]> sentenceVectors, AnswererModel model) {
        this(embedder, sentenceVectors, texts -> {}, model);
    }

    /**
     * @param sentenceVectors a sentence's (or a passage's) embedding: the model through the embedder's cache, or
     *     a table
     * @param embedAhead given the passages' and sentences' texts whose embeddings are about to be asked for, embeds
     *     them at once
     */
    ExtractiveAnswerer(Embedder embedder, Function<String, float[]> sentenceVectors,
            Consumer<List<String>> embedAhead, AnswererModel model) {
        this.embedder = embedder;
        this.sentenceVectors = sentenceVectors;
        this.embedAhead = embedAhead;
        this.model = model;
        this.scorer = new WindowScorer(model);
        this.vote = new AnswerVote(model.evidence().voterTerms());
        this.abstention = new Abstention(model.minScore(), model.minScoreWithoutMeaning());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Answer answer(AnswerRequest request) {
        Choice choice = choose(request);
        return choice.abstention() != null ? abstain(choice.abstention())
                : answerFrom(choice.window(), request);
    }

    /**
     * The window to quote, as it would be quoted, and the reason not to quote it.
     *
     * @param window the window the vote chose, with any continuation, or null when no window may be quoted at all
     * @param score the best window's score, which abstention judges; NaN when no window may be quoted
     * @param abstention the reason to abstain, or null to quote {@code window}
     */
    record Choice(Window window, double score, String abstention) {

        static Choice none(String abstention) {
            return new Choice(null, Double.NaN, abstention);
        }
    }

    Choice choose(AnswerRequest request) {
        Prepared prepared = prepare(request);
        if (prepared.abstention() != null) {
            return Choice.none(prepared.abstention());
        }
        List<Window> considered = candidates(prepared.evidence(), request.passages());
        if (LOG.isDebugEnabled()) {
            logCandidates(request, considered);
        }
        if (considered.isEmpty()) {
            return Choice.none("No passage has a sentence that could answer the question.");
        }
        List<Window> eligible = eligible(request.analysis(), prepared.evidence(), considered);
        if (eligible.isEmpty()) {
            return Choice.none(Abstention.noFigure(request.analysis()));
        }
        Window best = eligible.stream().reduce((a, b) -> b.score() > a.score() ? b : a).orElseThrow();
        // The best window says how well the question can be answered; the vote only chooses which answer to quote,
        // and may quote a window scored below the threshold when more articles give its answer.
        Window quoted = vote.winner(request.analysis(), eligible, best);
        WindowFeatures evidence = prepared.evidence();
        if (evidence.asksKnownKind() && !evidence.givesKnownKind(quoted)) {
            // "Which airline …?" is not answered by "All Boeing 737 Max 9 planes have been grounded" when one of
            // the best windows names an airline (AnswerPhrases.asksKnownKind).
            quoted = vote.amongKind(request.analysis(), eligible, evidence::givesKnownKind, quoted);
        }
        boolean titleHolder = evidence.asksTitleHolder();
        if (titleHolder && !evidence.restatesTitle(quoted)) {
            // "Who is Russia's foreign minister?" is answered by the window that gives "Russian Foreign Minister
            // Sergey Lavrov", when one of the best does, not by one that says the same words of Ukraine's. Such a
            // window names all the question does, if in another form, so the best are those of all considered.
            quoted = vote.amongKind(request.analysis(), considered, evidence::restatesTitle, quoted);
        }
        boolean restated = titleHolder && evidence.restatesTitle(quoted);
        String reason = abstention.reason(request.analysis(), best, restated);
        if (reason == null && titleHolder && !restated && evidence.holdsAnotherTitle(quoted)) {
            // "Who is the Prime Minister of Ukraine?" of stories that name only the Netherlands' one.
            reason = Abstention.anotherTitle(quoted.answerEntity());
        } else if (reason == null && titleHolder && !restated
                && (quoted.answerEntity() == null || !evidence.namesOffice(quoted))) {
            // "Who is the mayor of Sallowfield?" of a window that names no mayor, or no one who may be it: "Who is
            // Russia's defence minister?" of one that names only "Deputy Defense Minister Alexander Fomin".
            reason = Abstention.noOffice();
        } else if (reason == null && request.analysis().type() == AnswerType.PERSON && !restated
                && !evidence.namesAnyone(quoted)) {
            // "Who won the Mega Millions jackpot?" of "… the ticket holder, who has not yet been identified".
            reason = Abstention.noOneNamed();
        }
        return new Choice(evidence.withContinuation(evidence.withReferent(quoted)), best.score(), reason);
    }

    /**
     * The windows that may be quoted. A window whose story lacks a name or figure of the question answers
     * another question: it may win only when every window does. A question that asks for a figure (a number, a
     * year, a date, a length of time) is answered only by a window that gives one, however well another scores:
     * none may be quoted when none does.
     */
    static List<Window> eligible(QuestionAnalysis question, WindowFeatures evidence, List<Window> considered) {
        List<Window> about = considered.stream().filter(w -> w.get(Feature.MISSING_REQUIRED) == 0).toList();
        List<Window> eligible = about.isEmpty() ? considered : about;
        return Abstention.askedFigure(question) == null ? eligible
                : eligible.stream().filter(evidence::givesAskedKind).toList();
    }

    /**
     * A question's evidence, or why it cannot be answered before any window is looked at.
     *
     * @param abstention the reason to abstain, or null
     */
    record Prepared(WindowFeatures evidence, String abstention) {}

    /** The hand rules that come before the model, and the evidence of the windows it will score. */
    Prepared prepare(AnswerRequest request) {
        QuestionAnalysis question = request.analysis();
        if (question.terms().isEmpty()) {
            return new Prepared(null, "The question does not name anything to look for.");
        }
        if (request.passages().isEmpty()) {
            return new Prepared(null, request.index().articleCount() == 0
                    ? "The corpus holds no articles yet." : "No passage matches the question.");
        }
        WindowFeatures evidence = features(request);
        List<String> unknownNames = new ArrayList<>();
        boolean anyKnown = false;
        for (QuestionTerm term : question.terms()) {
            if (!term.required()) {
                continue;
            }
            if (!evidence.unknown(term)) {
                anyKnown = true;
                continue;
            }
            // A year nothing mentions cannot be answered. An unknown name or figure may be a paraphrase ("the West"
            // for "Western", "380,000" for "381,000"), so it only weighs on coverage, unless the question names
            // nothing the corpus knows ("Who is the chief executive of Apple?" of a corpus without Apple).
            if (AnswerPhrases.YEAR_NUMBER.matcher(term.surface()).find()) {
                return new Prepared(evidence, notMentioned(term.surface()));
            }
            if (!Anchors.isFigure(term.surface())) {
                unknownNames.add(term.surface());
            }
            evidence.unknownTerms.add(term.term());
        }
        if (!unknownNames.isEmpty() && !anyKnown) {
            return new Prepared(evidence, notMentioned(firstName(question.text(), unknownNames)));
        }
        return new Prepared(evidence, null);
    }

    /**
     * The first of the unknown names, with the unknown words that follow it in the question: "Acme Widgets", not
     * "Acme" (each word is a term of its own); up to a possessive, which is left out.
     */
    static String firstName(String question, List<String> surfaces) {
        String first = surfaces.getFirst();
        Matcher word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(first) + "(?![\\p{L}\\p{N}])")
                .matcher(question);
        if (!word.find()) {
            return EntityTagger.withoutPossessive(first);
        }
        int end = word.end();
        for (String next : surfaces.subList(1, surfaces.size())) {
            String soFar = question.substring(word.start(), end);
            if (!EntityTagger.withoutPossessive(soFar).equals(soFar) || end >= question.length()
                    || question.charAt(end) != ' ' && question.charAt(end) != '-'
                    || !question.startsWith(next, end + 1)) {
                break;
            }
            end += 1 + next.length();
        }
        return EntityTagger.withoutPossessive(question.substring(word.start(), end));
    }

    private static String notMentioned(String what) {
        return "No article mentions \"" + what + "\".";
    }

    private WindowFeatures features(AnswerRequest request) {
        // Without embeddings (BM25 mode) windows are judged on words alone. The text is the one retrieval
        // embeds, if it does, so the model runs once per question.
        float[] vector = request.semantic() ? questionVector(request.analysis().text()) : null;
        return new WindowFeatures(request.analysis(), request.passages(), request.index().termStats(), vector,
                sentenceVectors, model.evidence());
    }

    /**
     * The question's vector, or null when the model gives none: it could not be loaded (BM25 still answers while
     * a first build waits for vectors that will not come), or the service is stopping. Words alone then judge
     * the windows, as in BM25 mode, rather than the question failing.
     */
    private float[] questionVector(String question) {
        try {
            return embedder.embed(question);
        } catch (RuntimeException e) {
            if (!wordsAloneLogged.getAndSet(true)) {
                LOG.warnf("The embedding model gives no vectors (%s); answers are judged on words alone until it "
                        + "does", e.toString());
            }
            return null;
        }
    }

    /**
     * Every window of one or two answerable sentences in the passages, scored; the best {@link #RESCORED}
     * scored again once their sentences' meanings are known, which costs a model call per sentence.
     */
    List<Window> candidates(WindowFeatures evidence, List<PassageHit> passages) {
        if (evidence.comparesMeanings()) {
            // Passages found by words before (or without) their vectors are embedded side by side, not one by one
            // as their windows are scored; one without a sentence to quote has no window, and needs no vector.
            embedAhead.accept(passages.stream().filter(hit -> hit.stored().vector() == null
                            && hit.stored().passage().sentences().stream().anyMatch(evidence::answerable))
                    .map(WindowFeatures::embeddingText).toList());
        }
        List<Window> windows = new ArrayList<>(allWindows(evidence, passages));
        windows.sort(Comparator.comparingDouble(Window::score).reversed());
        int rescored = Math.min(RESCORED, windows.size());
        if (evidence.comparesMeanings()) {
            embedAhead.accept(windows.subList(0, rescored).stream().flatMap(w -> w.sentences().stream())
                    .map(Sentence::text).toList());
        }
        for (int i = 0; i < rescored; i++) {
            windows.set(i, scorer.scored(evidence.withSentenceMeaning(windows.get(i))));
        }
        return windows;
    }

    /** Every window of one or two answerable sentences in the passages, scored without sentence meanings. */
    List<Window> allWindows(WindowFeatures evidence, List<PassageHit> passages) {
        List<Window> windows = new ArrayList<>();
        for (PassageHit hit : passages) {
            List<Sentence> sentences = hit.stored().passage().sentences();
            for (int from = 0; from < sentences.size(); from++) {
                if (!evidence.answerable(sentences.get(from))) {
                    continue;
                }
                for (int to = from + 1; to <= Math.min(from + 2, sentences.size()); to++) {
                    if (to - from == 2 && !evidence.closesWindow(sentences.get(from + 1))) {
                        break;
                    }
                    windows.add(scorer.scored(evidence.window(hit, from, to)));
                }
            }
        }
        return windows;
    }

    private void logCandidates(AnswerRequest request, List<Window> windows) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Q: %s | standalone: %s | type %s | terms %s%n", request.question(),
                request.standaloneQuestion(), request.analysis().type(), request.analysis().terms()));
        windows.stream().sorted((a, b) -> Double.compare(b.score(), a.score())).limit(DEBUG_WINDOWS)
                .forEach(w -> out.append(String.format(Locale.ROOT, "  %.3f %s %s: %s%n", w.score(),
                        Arrays.toString(w.features()), w.hit().stored().passage().key(),
                        String.join(" ", w.sentences().stream().map(Sentence::text).toList()))));
        LOG.debug(out);
    }

    private static Answer abstain(String reason) {
        return Answer.notInCorpus(NAME, reason);
    }

    static Answer answerFrom(Window best, AnswerRequest request) {
        QuestionAnalysis question = request.analysis();
        Article article = best.hit().stored().article();
        List<Sentence> sentences = best.sentences();
        String snippet = String.join(" ", sentences.stream().map(Sentence::text).toList());
        // The quote keeps any bracket the article has, but not as a marker: the only marker is CiteQA's own.
        Set<String> read = new HashSet<>();
        request.passages().forEach(hit -> read.add(hit.stored().article().id()));
        AnswerSpan span = span(best, question);
        String text = lead(snippet, span) + Markers.defuse(snippet, read::contains) + " [" + article.id() + "]";
        Citation citation = new Citation(article.id(), article.title(), article.date(), snippet,
                sentences.getFirst().start(), sentences.getLast().end(), true);
        return new Answer(text, true, List.of(citation), NAME, List.of(), entityOf(best, span), span);
    }

    /**
     * What the answer says before the quote: "LeBron James: " when the quote names him by surname alone ("James,
     * who has scored …"), and nothing when it names him whole too, or there is no such name.
     */
    static String lead(String quote, AnswerSpan span) {
        return span != null && span.name() != null && !quote.contains(span.name()) ? span.name() + ": " : "";
    }

    /** Kinds of question answered by a phrase: a person, a place, a date, a number, an organisation, a name. */
    private static final Set<AnswerType> PHRASE_TYPES = EnumSet.of(AnswerType.PERSON, AnswerType.PLACE,
            AnswerType.ORGANIZATION, AnswerType.DATE, AnswerType.YEAR, AnswerType.NUMBER, AnswerType.DURATION,
            AnswerType.NAME);

    /** The answering phrase inside the quote, with its offsets in the article file, or null. */
    private static AnswerSpan span(Window best, QuestionAnalysis question) {
        Sentence sentence = best.answerSentence();
        if (!PHRASE_TYPES.contains(question.type()) || sentence == null) {
            return null;
        }
        Entity e = best.answerEntity();
        if (question.type() == AnswerType.ORGANIZATION && namesSomeone(e)) {
            // The window may be right for "Which office issued the statement?", but "Mark Rutte" is no office.
            return null;
        }
        // A person is named without the title news copy puts before the name ("Foreign Minister Hakan Fidan"),
        // unless it is how they are called ("Prince William"), and a person or place asked for without the
        // possessive of the sentence ("Zelensky's legitimacy"). A team keeps its place ("Georgia Bulldogs").
        String phrase = e.kind() == Kind.PERSON && !EntityTagger.isTeamOfAPlace(e.text())
                ? EntityTagger.styledName(e.text()) : e.text();
        if (question.type() == AnswerType.PERSON || question.type() == AnswerType.PLACE) {
            phrase = EntityTagger.withoutPossessive(phrase);
        }
        int start = e.start() + e.text().lastIndexOf(phrase);
        Article article = best.hit().stored().article();
        int[] offsets = SourceOffsets.of(article, sentence, start, start + phrase.length());
        // The phrase of a "Who …?" question is without its possessive already.
        String name = question.type() == AnswerType.PERSON && e.kind() == Kind.PERSON
                ? FullNames.of(article, EntityTagger.personName(phrase)) : null;
        return offsets == null ? null : new AnswerSpan(phrase, article.id(), offsets[0], offsets[1], name);
    }

    /**
     * A person by name ("Kirk Tanner"), not a role that names an office ("Defence Minister"), nor a team named by its
     * city ("Detroit Lions"), which the entity rules read as a person too.
     */
    private static boolean namesSomeone(Entity e) {
        return e.kind() == Kind.PERSON && !EntityTagger.isTitle(e.text().substring(e.text().lastIndexOf(' ') + 1))
                && !EntityTagger.isTeamOfAPlace(e.text());
    }

    /**
     * Whom a follow-up's "he" or "she" most likely means: the person the answer names, if any, without the
     * sentence's possessive (a person's name has none).
     */
    private static String entityOf(Window best, AnswerSpan span) {
        Entity e = best.answerEntity();
        if (e == null || e.kind() != Kind.PERSON && e.kind() != Kind.NAME) {
            return null;
        }
        if (span != null && span.name() != null) {
            return span.name();
        }
        return EntityTagger.withoutPossessive(e.kind() == Kind.PERSON ? EntityTagger.personName(e.text()) : e.text());
    }
}
