package dev.citeqa.index;

/**
 * Lucene field names. One index holds two kinds of document, so that a single commit makes the articles
 * and their passages visible together: one document per article (for display) and one per passage (for
 * search).
 */
public final class IndexConstants {

    /** "article" or "passage". Indexed as a keyword so each kind can be fetched on its own. */
    public static final String KIND = "kind";

    public static final String KIND_ARTICLE = "article";
    public static final String KIND_PASSAGE = "passage";

    /**
     * The article ID, a keyword: looked up exactly, never analysed, and stored because answers cite it. Also doc
     * values, on articles and passages alike, so that ranking can group many hits by article without reading
     * their stored fields, and the article list can break ties by ID.
     */
    public static final String ARTICLE_ID = "article_id";

    /** The whole cleaned article as JSON, stored only: it is read back for display, never searched. */
    public static final String ARTICLE_JSON = "article_json";

    /**
     * ID, title, date and outlet as JSON, stored only. Listing the articles reads this small field rather than
     * parsing every whole article, so that a large corpus never has to sit in memory.
     */
    public static final String ARTICLE_HEADER = "article_header";

    /**
     * The words of the article's title ({@link TitleTerms}), one keyword each, on article documents only: the
     * article list's search matches them by prefix.
     */
    public static final String ARTICLE_TITLE_TERMS = "article_title_terms";

    /** Publication date as days since 1970 (doc values), on dated article documents: the list's sort key. */
    public static final String ARTICLE_DATE = "article_date";

    /**
     * "articleId#ordinal", a keyword: passages travel through LangChain4j as text plus metadata and are
     * fetched back by this key. Stored, and the ordinal is read back from it.
     */
    public static final String PASSAGE_KEY = "passage_key";

    /**
     * The article title, publication date and outlet, repeated on each of its passages and analysed with the
     * English chain. A separate field lets BM25 weigh a title or date match on its own, as an article-level
     * prior for every passage.
     */
    public static final String TITLE = "title";

    /**
     * The whole article (title, date, outlet and text) on the article's own document, ranked by F2EXP: it
     * ranks articles as a whole, so that an article whose answer sits in one passage is not outranked by
     * articles that merely repeat the question's words in one place. Its own field keeps its length and term
     * statistics apart from the passages'.
     */
    public static final String ARTICLE_TEXT = "article_text";

    /**
     * The words of the whole article as written (lower case, accents removed, never stemmed), on the article's own
     * document: the dictionary a misspelled question word is corrected from ({@link
     * dev.citeqa.analysis.Spelling}). Only which articles have a word is kept (no frequencies, positions or norms):
     * a correction needs the word and how many articles use it.
     */
    public static final String ARTICLE_WORDS = "article_words";

    /** Passage text, analysed for BM25 and not stored: the stored sentences below rebuild it exactly. */
    public static final String BODY = "body";

    /**
     * One stored value per sentence, in order, with parallel start and end offsets into the source file. The
     * answerer picks sentences, and the citations carry their offsets.
     */
    public static final String SENTENCE = "sentence";

    public static final String SENTENCE_START = "sentence_start";
    public static final String SENTENCE_END = "sentence_end";

    /** Passage embedding for kNN search (HNSW). Vectors are unit length, so dot product equals cosine. */
    public static final String VECTOR = "vector";

    /**
     * "true" on the article and passage documents of an article whose passages are not embedded yet: a build
     * commits the words first (BM25 answers at once) and adds the vectors in a later generation. Absent once
     * they are there, and always in BM25 mode, which embeds nothing.
     */
    public static final String VECTORS_PENDING = "vectors_pending";

    public static final String PENDING = "true";

    /** SHA-256 of the article's file, stored only: a reindex compares it to tell which files changed. */
    public static final String SOURCE_HASH = "source_hash";

    /**
     * Bumped whenever what is indexed changes (fields, their text, the stored article), so that old indexes are
     * rebuilt rather than misread. 11: a title taken from the first sentence is no longer indexed as a headline.
     * 12: "U.S." indexed as "us" ({@link dev.citeqa.analysis.NewsAnalyzer#INITIALISM_DOT}). 13: a headline
     * line's field name ("Title: ...") is not part of the title, an all-capitals headline over a date line is
     * the title, bylines, copyright notices and lone share buttons are not text, and a notice's holder is the
     * outlet when nothing else names one. 14: a header line of fields ("By Maria Lopez | The Ledger | Feb. 6,
     * 2024") gives the date and outlet and is not text; a byline before a date is not the outlet; a link line
     * names the site and is not text; a front matter block is metadata, not text; a hard-wrapped sentence is
     * one sentence; entities in plain text ("&#8217;") are read as their characters; a wire dateline
     * ("NASHVILLE, Tenn. (AP) — ...") stays in its sentence. 15: a saved e-mail's header and a JSON record's
     * fields give the title, date and outlet and are not text; inline Markdown ("[words](link)", "**bold**") reads
     * as its words. 16: an ordinal in figures is indexed as its number ("15th" as "15"). 17: a file that is not
     * UTF-8 is read as Windows-1252 when it is mostly ASCII, where it was skipped. 18: a UTF-16 file is read,
     * where it was skipped as binary; a lone carriage return and Unicode's line separators end lines (in a web page's
     * element they are spaces). 19: a headline in a script without capitals (Chinese, Arabic) is no section label.
     * 20: story files of the CNN and Daily Mail collections ("@highlight" lines, "By . Name . PUBLISHED: . …"),
     * a wire service in a dateline as the outlet (a dateline on a line of its own, "New York CNN —", is not
     * text), and newsgroup posts (their header fields, "address (name)" senders, signatures, quotes of another
     * message); a mail's body has no headline. 21: an abbreviated title is indexed as the title ("Gov." as
     * "governor", {@code analysis/title-abbreviations.txt}). 22: a British spelling is indexed as the American one
     * ("defence" as "defense", {@code analysis/british-spellings.txt}). 23: a headline that reads as a sentence
     * is the headline over a byline with the date too ("By Staff Writer | Jan. 25, 2024"), not only over a bare
     * date; a file that cleaning leaves with its header alone is dated by a line of fields. 24: a line of
     * hard-wrapped prose that reads like an earlier line is kept; only a repeat that stands alone (a caption) is
     * dropped; passages of Chinese and Japanese are sized by their characters, two to a word; a file that opens
     * with a block element ({@code <div>}, {@code <p>}) is read as a fragment of a web page; a page's title loses
     * a short site name after a bar without the site's name in its metadata too; TOML front matter ("+++") is
     * read as YAML front matter is. 25: control characters and terminal escape sequences are not text;
     * day-first dates in French, German, Spanish, Italian, Portuguese and Dutch are read ("5 janvier 2024").
     * 26: a file of one line that holds a headline, a date and text ("Storm closes the coast road 2024/01/05 A
     * storm closed …") has them read apart; a UTF-16 file with a byte-order mark may hold a stray control character.
     * 27: the words of each article as written ({@link #ARTICLE_WORDS}), to correct a question's spelling from.
     * 28: a byline names the outlet after the writer ("By Karen Fernau, The Arizona Republic"). 29: a first line
     * that opens with a wire dateline is text, not a headline, though a date line follows it; a press release's
     * dateline dates it ("Oslo, 2 October 2025 - "); a wire ("Nordic Business Wire") is an outlet's name. 30: the
     * forms of a verb in "-ie" are indexed as the verb ("died", "dies", "dying" as "die"; Porter stems them apart);
     * combining marks past 30 on one character are filler (UAX #15's stream-safe limit); a web page whose only
     * words are in its title or its furniture (a footer, a navigation bar) has them as text. 31: a wrapped line
     * goes on in the next when that line's first word would not have fitted on it, or when a sign-off follows the
     * last sentence; a first line that wraps into the next, or opens with a dated dateline ("LONDON, March 3 - "),
     * is text, not a headline; three capitalised words on the first line over the text are a headline, not a
     * label; a paper's name above the date and the headline is the outlet; a bracketed photo credit on its own
     * line and a newsletter's furniture are not text; a name's initial ends no sentence ("George W. Bush"); a line
     * of markup wraps into nothing; an archive's "14-APR-1987" stamp is a date. 32: a second file of one name is
     * indexed under its name and its folders ("article (2024-01-05)"), where it was skipped. 33: a name of short
     * words joined by an ampersand is one word ("AT&T", "S&P", {@link
     * dev.citeqa.analysis.NewsAnalyzer#AMPERSAND_NAME}). 34: a word hyphenated over a line end is one word; an
     * article's whole text is indexed without the invisible characters that hold markup's place; a block of
     * labelled fields ("Author:", "Title:", "Tags:") in any order is metadata; a "Sources:" sentence is text; a
     * press release carried by a newswire ("/PRNewswire/", "(BUSINESS WIRE)") is dated by its dateline; "Apr.",
     * "Jul." and "Oct." before a day end no sentence, and "Up.", "In.", "On.", "Go.", "Ok." end one; more page
     * furniture is not text (a row of share buttons, a newsletter's sign-up, "Filed under:", "Tags:", a comment
     * count, "###" and "-30-"); a date line's label ("Aired", "Filed", "Publié le") or poster ("by admin") names no
     * outlet; in a mail, the header of a message it forwards or replies to is not text. 35: words that Porter stems
     * as an unrelated word are indexed apart ("president" from "presided", "used" from "U.S.", {@code
     * analysis/stem-splits.txt}).
     */
    public static final int SCHEMA_VERSION = 35;

    /** Commit user data key: the fingerprint of the settings alone; a change rebuilds rather than updates. */
    public static final String COMMIT_SETTINGS = "citeqa.settings";

    /** Commit user data key: a number that grows by one with every new index, to tell generations apart. */
    public static final String COMMIT_GENERATION = "citeqa.generation";

    /** Commit user data key: the fingerprint of corpus and settings this index was built from. */
    public static final String COMMIT_FINGERPRINT = "citeqa.fingerprint";

    private IndexConstants() {}
}
