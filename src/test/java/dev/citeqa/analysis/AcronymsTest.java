package dev.citeqa.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcronymsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TSA   | The Transportation Security Administration projected a record. | true",
        "TSA's | The Transportation Security Administration projected a record. | true",
        "NASA  | The National Aeronautics and Space Administration said so.       | true",
        "FBI   | Agents of the Federal Bureau of Investigation arrived.           | true",
        // Two letters are too few to tell, and a title's abbreviation opens a person's name.
        "UN    | The United Nations met.                                          | false",
        "SBC   | Sen. Brandon Creighton sponsored it.                             | false",
        "FDA   | The Food and Drug Administration approved it.                    | true",
        // The letters in order and in a row of capitalised words, not scattered.
        "TSA   | The Transportation agency and Security Administration staff.     | false",
        "TSA   | Security Transportation Administration.                          | false",
        "FBI   | Federal agents of the Bureau of Investigation.                   | false",
        // Not an acronym, or too long to be read as one.
        "Tsa   | The Transportation Security Administration projected a record. | false",
        "NATO  | The North Atlantic Treaty Organization met.                      | true",
        "UNESCOX | United Nations Educational Scientific Cultural Organization X. | false",
    })
    void anAcronymIsSpelledOutByTheInitialsOfARunOfCapitalisedWords(String acronym, String text, boolean spelled) {
        assertEquals(spelled, Acronyms.spelledOut(acronym, text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"TSA | true", "TSA's | true", "CEOs | true", "UN | false", "Tsa | false",
        "UNESCOX | false", "U.S. | false"})
    void anAcronymIsThreeToSixCapitals(String word, boolean acronym) {
        assertEquals(acronym, Acronyms.isOne(word));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "WWE   | Which service signed a deal with the World Wrestling Entertainment?  | World Wrestling Entertainment",
        "FDA's | Did the Food and Drug Administration approve it?                     | Food and Drug Administration",
        "NASA  | Where did the National Aeronautics and Space Administration land?    | National Aeronautics and Space Administration",
        "WWE   | Which wrestling company signed a deal?                              | ''",
        "UN    | What did the United Nations say?                                    | ''",
    })
    void theWordsThatSpellOutAnAcronymAreFound(String acronym, String text, String words) {
        assertEquals(words, String.join(" ", Acronyms.spellingOut(acronym, text)));
    }
}
