package dev.citeqa.collection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Why a corpus file is not indexed. {@link #code} is what reports show; {@link #description} what the log says. */
public enum SkipReason {
    EMPTY("empty", "it is empty"),
    WHITESPACE_ONLY("whitespace-only", "it holds only whitespace"),
    BINARY("binary", "it holds NUL bytes and is not UTF-16 text: binary data, or text in another encoding"),
    NOT_UTF8("not-utf8", "it is not valid UTF-8, nor UTF-16 after its byte-order mark, nor mostly-ASCII "
            + "Windows-1252 (Latin-1) text"),
    TOO_LARGE("too-large", "it is larger than citeqa.corpus.max-file-bytes"),
    BAD_NAME("bad-name", "its name is not a usable article ID (at most 128 characters, the first a letter or a "
            + "digit: letters, digits, single spaces and _ . - ( ) ' ’ & + !)"),
    LINK_OUTSIDE("link-outside", "it is a symbolic link to a file outside the corpus folder, or to nothing"),
    HARD_LINK("hard-link", "it has other hard links, which may be anywhere on the disk "
            + "(citeqa.corpus.follow-hard-links=false)"),
    UNREADABLE("unreadable", "the service may not read it (permission denied); it is read again once that changes"),
    NOT_A_FILE("not-a-file", "it is not a regular file but a named pipe, a socket or a device, or a link to one"),
    VANISHED("vanished", "it was deleted or renamed while the folder was being read"),
    NO_TEXT("no-text", "it holds no letters or digits"),
    UNPARSABLE("unparsable", "reading its text failed (a stack overflow, or a fault the log gives); it is read again "
            + "when it changes"),
    NOT_TXT("not-txt", "only *.txt files are articles"),
    FOLDER("folder", "a folder not read: a link to one (not followed), one more than "
            + NewsCollection.MAX_DEPTH + " levels down, or one that cannot be listed"),
    DUPLICATE_ID("duplicate-id", "a file of the same name nearer the top of the corpus folder is the article, as "
            + "citations name an article by its file name (names that differ only in case, or in how an accent is "
            + "encoded, are the same), and the name with its folders added is taken too, too long, or without a "
            + "letter or digit");

    private final String code;
    private final String description;

    SkipReason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    @JsonCreator
    public static SkipReason ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown skip reason " + code));
    }
}
