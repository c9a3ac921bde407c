package dev.citeqa.answer.extractive;

import dev.citeqa.analysis.Anchors;
import dev.citeqa.analysis.EntityTagger;
import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.EntityTagger.Kind;
import dev.citeqa.analysis.NewsAnalyzer;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.analysis.QuestionAnalysis.AnswerType;
import dev.citeqa.analysis.QuestionAnalysis.Subtype;
import dev.citeqa.analysis.Terms;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a figure is in its sentence, and whether it is the figure a question asks for: an age ("Varadkar, 38,"), a
 * sum of money ("$35"), a share ("87%"), a turnout, a count of what the question counts ("32 allies"), or a
 * measure that counts nothing ("4-0", "86mph"). The entity rules tag a figure; only its sentence says what it is.
 */
final class FigureKinds {

    /** Characters between a number and the noun it counts ("32 allies", "14 senior officials"). */
    private static final int COUNT_DISTANCE = 25;
    /** A currency sign, as news writes it before a sum: "$35", "£ 2 million". */
    private static final String CURRENCY_SIGN = "[$€£¥]";
    private static final Pattern CURRENCY = Pattern.compile(CURRENCY_SIGN);
    /** A share's sign or word; wire copy abbreviates it ("9.5 pct"). */
    private static final String PERCENT_WORDS = "%|per ?cent|\\bpct\\b";
    private static final Pattern PERCENT = Pattern.compile(PERCENT_WORDS, Pattern.CASE_INSENSITIVE);
    /** ISO codes of currencies news writes beside a sum ("NOK 1.6 billion", "1.4 million SEK"), in capitals. */
    private static final String CURRENCY_CODE = "(?:NOK|SEK|DKK|ISK|CHF|EUR|USD|GBP|JPY|CNY|RMB|INR|AUD|CAD|NZD|HKD"
            + "|SGD|ZAR|BRL|MXN|RUB|TRY|PLN|CZK|HUF|KRW)";
    /**
     * After a number, the words that make it a sum of money: "35 dollars", "2 million pounds", "89 crowns", "1.4
     * million kronor", "1.4m SEK", and as wire copy abbreviates them, "412 mln dlrs"; a currency's name in the plural,
     * as a sum gives it.
     */
    private static final Pattern MONEY_AFTER = Pattern.compile("\\s*(?:(?:million|billion|trillion|mln|bln)\\s+)?"
            + "(?:(?i:pounds|dollars|dlrs|euros|pence|cents|yen|yuan|rupees|crowns|kronor|kroner|kronur|francs|pesos"
            + "|rand|lira|zlotys?|roubles|rubles|rupiah|dirhams|riyals|shekels|naira|shillings|baht|ringgit|dinars|kr)"
            + "|" + CURRENCY_CODE + ")\\b");
    /** Before a number, a currency sign or code: "$35", "£ 2", "NOK 1.6", "Rs 500", "A$12". */
    private static final Pattern CURRENCY_BEFORE = Pattern.compile("(?:" + CURRENCY_SIGN + "|\\b" + CURRENCY_CODE
            + "|\\bRs\\.?|\\b[ACHNRS]\\$)\\s?$");
    private static final Pattern PERCENT_AFTER = Pattern.compile("\\s*(?:" + PERCENT_WORDS + ")",
            Pattern.CASE_INSENSITIVE);
    /** After a number, the words that make it a share of the votes cast: "(per cent) of the (popular) vote". */
    private static final Pattern VOTE_SHARE = Pattern.compile(
            "(?:\\s*(?:" + PERCENT_WORDS + "))?\\s+of (?:the )?(?:[\\p{L}-]+ )?(?:votes?|ballots?)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Characters around a figure in which a word must say that it is a turnout: "41% of registered voters cast". */
    private static final int TURNOUT_DISTANCE = 50;
    /** Where a clause ends inside a sentence ("Kemp won 59.6%; turnout was 41%"); not a colon ("Turnout: 41%"). */
    private static final Pattern CLAUSE_END = Pattern.compile("[;—–]");
    /** Words that say how many voted: "turnout stood at 42.4%", "12,400 voters took part", "54% cast ballots". */
    private static final Pattern TURNOUT_WORDS = Pattern.compile(
            "\\b(?:turnout|turn(?:ed)? out|took part|voted|cast)\\b", Pattern.CASE_INSENSITIVE);
    /** Around a number, what makes it one side of a score: "3-1", "84:82". */
    private static final Pattern SCORE_BEFORE = Pattern.compile("\\d[:\\-–]$");
    private static final Pattern SCORE_AFTER = Pattern.compile("[:\\-–]\\d");
    /** After a number, the words that make it an age: "a 37-year-old", "37 years old". */
    private static final Pattern AGE_AFTER = Pattern.compile("(?:[- ](?:years?|yrs?))?[- ]old\\b",
            Pattern.CASE_INSENSITIVE);
    /** A bare number of years a person can be: not "37%", "$37" or "2024". */
    private static final Pattern AGE_NUMBER = Pattern.compile("\\d{1,3}");
    /** Before a number, the words that make it an age: "aged 37", "at the age of 37", "died at 87". */
    private static final Pattern AGE_BEFORE = Pattern.compile(
            "\\b(?:aged?|age of|(?:die[sd]?|dying|death|dead) at)\\s+$", Pattern.CASE_INSENSITIVE);
    /**
     * A person's age said of them, the number closing its clause: "He was 87.", an obituary's last line, "she turned
     * 90, and", "he was 87 when"; not "he was 3 points behind".
     */
    private static final Pattern SAID_OF_PERSON = Pattern.compile("\\b(?:he|she) (?:is|was|turned|turns)\\s+$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOSES_CLAUSE = Pattern.compile("\\s*(?:[,;)]|\\.?\\s*$|when\\b)");
    /** Before a length of time, what makes it a gap since: "the first … in", "for the first time in more than". */
    private static final Pattern SINCE_FIRST = Pattern.compile(
            "\\b(?:first|last)\\b[^.;]{0,80}\\bin\\s+(?:(?:more than|over|nearly|almost|about|at least)\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    /** An age set off after a name: "Varadkar, 37, took office", "Harris (37)". */
    private static final Pattern OPENS_ASIDE = Pattern.compile("(?:[\\p{L}.], |\\(\\s*)$");
    private static final Pattern CLOSES_ASIDE = Pattern.compile("\\s*(?:[,)]|\\.?\\s*$)");

    /** Units of length, as news writes them. */
    private static final String LENGTH_UNIT = "(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|feet|foot|ft|yards?|yd"
            + "|cm|centimet(?:re|er)s?|mm|millimet(?:re|er)s?|inch(?:es)?)";
    /** A figure the tagger kept with its unit of length ("6.3 km"), or with an "m" that is metres here ("50m"). */
    private static final Pattern LENGTH_IN_FIGURE = Pattern.compile("(?i)\\d\\s?(?:" + LENGTH_UNIT + "|m)$");
    /** After a figure, its unit of length: "2.4-mile", "6.3 kilometres". */
    private static final Pattern LENGTH_AFTER = Pattern.compile("(?i)[\\s-]?" + LENGTH_UNIT + "\\b");

    /** The terms of units, which a "How many …?" question may count ("How many inches …?", "… degrees …?"). */
    private static final Set<String> UNIT_TERMS = Terms.ofText("inches inch feet foot miles mile kilometres kilometers"
            + " km centimetres centimeters cm millimetres millimeters mm metres meters degrees celsius fahrenheit mph");

    private FigureKinds() {
    }

    /**
     * Whether a figure is the kind of figure asked for. For "How many prisoners?", "two parties" is not an
     * answer: a spelled-out count must count them, and a sum of money, a share, a time ("2:06:12") or a score
     * ("4-0") counts nothing. For "How old?", only an age ({@link #isAge}); for "How much did it cost?", only a
     * sum of money, not "three insulin makers"; for "What percentage?", only a share, not "three rivals". "What
     * time …?" is answered by a time of day, not "Wednesday"; "When …?" by either; "In which month …?" by a month,
     * not by "midnight", "2022" or "Saturday"; "On which date …?" by a day, not "next month". "How long …?" is not
     * answered by the gap of "the first talks in three years".
     */
    static boolean counts(QuestionAnalysis question, Entity e, AnalysedSentence a) {
        if (question.subtype() == Subtype.AGE && (e.kind() == Kind.NUMBER || e.kind() == Kind.DURATION)) {
            return isAge(e, a.sentence().text());
        }
        boolean clock = e.kind() == Kind.DATE && EntityTagger.isClockTime(e.text());
        if (question.subtype() == Subtype.TIME) {
            return clock;
        }
        if (clock) {
            return question.subtype() != Subtype.CALENDAR && question.subtype() != Subtype.DAY
                    && question.subtype() != Subtype.MONTH;
        }
        if (question.subtype() == Subtype.DAY && e.kind() == Kind.DATE) {
            return EntityTagger.namesDay(e.text());
        }
        if (question.subtype() == Subtype.MONTH && e.kind() == Kind.DATE) {
            return EntityTagger.namesMonth(e.text());
        }
        if (e.kind() == Kind.DURATION && question.type() == AnswerType.DURATION
                && SINCE_FIRST.matcher(a.sentence().text().substring(0, e.start())).find()) {
            // "the first direct talks in three years" says how long since, not how long the talks lasted.
            return false;
        }
        if (question.subtype() == Subtype.MONEY) {
            return e.kind() == Kind.NUMBER && isMoney(e, a.sentence().text());
        }
        if (question.subtype() == Subtype.SHARE) {
            return e.kind() == Kind.NUMBER && isShare(e, a.sentence().text());
        }
        if (question.subtype() == Subtype.CHANGE) {
            return e.kind() == Kind.NUMBER && (isShare(e, a.sentence().text()) || isMoney(e, a.sentence().text()));
        }
        if (question.subtype() == Subtype.LENGTH) {
            return e.kind() == Kind.NUMBER && isLength(e, a.sentence().text());
        }
        if (question.subtype() == Subtype.TURNOUT) {
            return e.kind() == Kind.NUMBER && isTurnout(e, a.sentence().text());
        }
        String counted = question.quantityOf();
        if (counted == null || e.kind() != Kind.NUMBER) {
            return true;
        }
        if (Anchors.isFigure(e.text())) {
            // Other figures are data; only a spelled-out count ("the two sides") must name what it counts. A
            // measurement answers a question that counts units ("How many inches of snow fell?", in whatever unit
            // the story gives), and a range that counts what is asked ("10-15 people") is a count.
            if (EntityTagger.isMeasurement(e.text())) {
                return UNIT_TERMS.contains(counted);
            }
            if (EntityTagger.isTally(e.text())) {
                // A range names what it counts right after it; a score's sides are no count of what follows.
                return a.tokens().stream().filter(t -> t.start() >= e.end()).findFirst()
                        .filter(t -> t.term().equals(counted)
                                && a.sentence().text().substring(e.end(), t.start()).isBlank()).isPresent();
            }
            return !isMeasure(e, a.sentence().text());
        }
        for (NewsAnalyzer.Token t : a.tokens()) {
            boolean near = t.start() >= e.end() ? t.start() - e.end() <= COUNT_DISTANCE
                    : e.start() - t.end() <= COUNT_DISTANCE && t.end() <= e.start();
            if (near && (t.term().equals(counted) || Terms.relatedForm(t.term(), counted))) {
                return true;
            }
        }
        return false;
    }

    /**
     * For "How old is he?", only a number the sentence gives as an age: "Varadkar, 38, took office", "a 37-year-old",
     * "aged 37", "said Smith, 45.", "He was 87." Any other number ("two ministers", "in 2024", "(37%)") says nothing
     * of anyone's age. An aside needs a comma or bracket on both sides (or the sentence's end), so that "in March, 37 people"
     * is no age.
     */
    private static boolean isAge(Entity e, String sentence) {
        if (e.text().toLowerCase(Locale.ROOT).endsWith("old")) {
            return true; // the tagger keeps "37-year-old" whole
        }
        if (!AGE_NUMBER.matcher(e.text()).matches()) {
            return false;
        }
        String before = sentence.substring(Math.max(0, e.start() - 12), e.start());
        String after = sentence.substring(e.end(), Math.min(sentence.length(), e.end() + 12));
        return AGE_AFTER.matcher(after).lookingAt() || AGE_BEFORE.matcher(before).find()
                || OPENS_ASIDE.matcher(before).find() && CLOSES_ASIDE.matcher(after).lookingAt()
                || SAID_OF_PERSON.matcher(before).find() && CLOSES_CLAUSE.matcher(after).lookingAt();
    }

    /**
     * For "What was the turnout?", a figure next to a word that says how many voted, in its own clause; not a
     * winner's share "of the vote", nor "the runner-up took 40.4 per cent".
     */
    static boolean isTurnout(Entity e, String sentence) {
        int to = Math.min(sentence.length(), e.end() + TURNOUT_DISTANCE);
        if (VOTE_SHARE.matcher(sentence).region(e.end(), to).useTransparentBounds(true).lookingAt()) {
            return false;
        }
        int from = Math.max(0, e.start() - TURNOUT_DISTANCE);
        Matcher end = CLAUSE_END.matcher(sentence).region(from, e.start());
        while (end.find()) {
            from = end.end();
        }
        end = CLAUSE_END.matcher(sentence).region(e.end(), to);
        if (end.find()) {
            to = end.start();
        }
        return votingWord(sentence, from, e.start()) || votingWord(sentence, e.end(), to);
    }

    /** A voting word between the offsets; whole words only ("broadcast" is no "cast", however the span is cut). */
    private static boolean votingWord(String sentence, int from, int to) {
        return TURNOUT_WORDS.matcher(sentence).region(from, to).useTransparentBounds(true).find();
    }

    /**
     * For "How long is the tunnel?", a figure in a unit of length: "6.3 km", "50 metres", "a 2.4-mile wall", "50m"
     * (metres here, as no currency precedes it); not "two years" nor "£50m".
     */
    static boolean isLength(Entity e, String sentence) {
        return !isMoney(e, sentence) && (LENGTH_IN_FIGURE.matcher(e.text()).find()
                || LENGTH_AFTER.matcher(sentence.substring(e.end())).lookingAt());
    }

    /** "$35", "35 dollars", "£ 2 million": a sum of money, for "How much …?" and "At what price …?". */
    private static boolean isMoney(Entity e, String sentence) {
        return CURRENCY.matcher(e.text()).find() || MONEY_AFTER.matcher(sentence.substring(e.end())).lookingAt()
                || CURRENCY_BEFORE.matcher(sentence.substring(Math.max(0, e.start() - 5), e.start())).find();
    }

    /** "87%", "87 per cent": a share, for "What percentage …?". */
    private static boolean isShare(Entity e, String sentence) {
        return PERCENT.matcher(e.text()).find() || PERCENT_AFTER.matcher(sentence.substring(e.end())).lookingAt();
    }

    /**
     * A sum of money, a share, a figure with its unit ("86mph"), a score or one side of one: a figure that measures
     * something rather than counts it.
     */
    private static boolean isMeasure(Entity e, String sentence) {
        return isMoney(e, sentence) || isShare(e, sentence) || EntityTagger.isMeasurement(e.text())
                || EntityTagger.isTally(e.text())
                || SCORE_BEFORE.matcher(sentence.substring(Math.max(0, e.start() - 2), e.start())).find()
                || SCORE_AFTER.matcher(sentence.substring(e.end())).lookingAt();
    }
}
