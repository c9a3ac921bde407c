package dev.citeqa.answer.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.EntityTagger.Kind;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.collection.Sentence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FigureKindsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Varadkar, 38, took office in 2017.|38|true",
        "He took office aged 38.|38|true",
        "The talks ended, said Smith, 45.|45|true",
        "Harris (37) spoke first.|37|true",
        // An obituary's own forms.
        "He was 87.|87|true",
        "She turned 90, and the town threw a party.|90|true",
        "He was 87 when he retired.|87|true",
        "Keane dies at 87|87|true",
        "He was 3 points behind.|3|false",
        "She is 2 seats short of a majority.|2|false",
        // A count, a share, a year, or a number after a comma that opens no aside.
        "Two ministers and 38 officials met.|38|false",
        "In March, 37 people were hurt.|37|false",
        "Turnout was 37%.|37%|false",
        "In 2024 he took office.|2024|false",
    })
    void anAgeIsANumberTheSentenceGivesAsOne(String sentence, String figure, boolean age) {
        assertEquals(age, FigureKinds.counts(QuestionAnalysis.of("How old is he?"), figure(sentence, figure),
                analysed(sentence)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Turnout stood at 42.4% on Sunday.|42.4%|true",
        "Some 54% cast ballots.|54%|true",
        // A winner's share of the vote, or a figure whose voting word lies in another clause.
        "Kemp won 59.6% of the vote.|59.6%|false",
        "Kemp won 59.6%; turnout was 41%.|59.6%|false",
    })
    void aTurnoutIsAFigureBesideAWordThatSaysHowManyVotedInItsClause(String sentence, String figure,
            boolean turnout) {
        assertEquals(turnout, FigureKinds.isTurnout(figure(sentence, figure), sentence));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "How much did the bridge cost?|It cost $35 million to build.|$35 million|true",
        "How much did the bridge cost?|It took 35 workers to build.|35|false",
        "What percentage of voters backed him?|He won 87% of the vote.|87%|true",
        "What percentage of voters backed him?|Three rivals ran against him.|Three|false",
        "How many prisoners were released?|Officials said 40 prisoners were released.|40|true",
        // A spelled-out count must count what is asked, near it.
        "How many prisoners were released?|Officials said two prisoners were released.|two|true",
        "How many prisoners were released?|The two parties met for 40 minutes.|two|false",
        "How many prisoners were released?|The two sides, after a long night of talks, freed prisoners.|two|false",
        // A measurement counts its units, and nothing else.
        "How many inches of snow fell?|Some 12.8 inches of snow fell.|12.8 inches|true",
        "How many prisoners were released?|Gusts reached 86mph as prisoners were released.|86mph|false",
        // A score counts nothing.
        "How many goals did they score?|They won 4-0.|4|false",
        // An attendance is a count of people, written beside its noun; the match's score is none.
        "What was the attendance at Alder Park?|The attendance of 18,204 was a record.|18,204|true",
        "What was the attendance at Alder Park?|The Hawks beat the Sharks 3-1 at Alder Park.|3-1|false",
        // A length is in a unit of length, written in the figure or after it; a time or a sum is none.
        "How long is the tunnel?|The 6.3 km tunnel cost more.|6.3 km|true",
        "How long is the tunnel?|The tunnel, 6.5km long, opened.|6.5km|true",
        "How long is the tunnel?|A 2.4-mile tunnel opened.|2.4|true",
        "How long is the tunnel?|The tunnel took two years to dig.|two|false",
        "How long is the tunnel?|The tunnel cost £50m.|£50m|false",
        // A sum in a currency's name or code is money as a sign is.
        "How much will the line cost?|It will cost 3.6 billion crowns.|3.6 billion|true",
        "How much will the line cost?|It will cost NOK 14.5 billion.|14.5 billion|true",
        "How much will the line cost?|It will cost 1.4 million SEK.|1.4 million|true",
        "How much will the line cost?|It will carry 14.5 million people.|14.5 million|false",
        // Wire copy's abbreviations: "pct" is a share, "dlrs" a sum.
        "What percentage did wages rise?|Members accepted a 9.5 pct wage increase.|9.5 pct|true",
        "How much did copper bring in?|Copper brought in 412 mln dlrs last year.|412 mln|true",
    })
    void aFigureCountsWhenItIsOfTheKindAsked(String question, String sentence, String figure, boolean counts) {
        assertEquals(counts, FigureKinds.counts(QuestionAnalysis.of(question), figure(sentence, figure),
                analysed(sentence)));
    }

    private static Entity figure(String sentence, String text) {
        int start = sentence.indexOf(text);
        return new Entity(Kind.NUMBER, text, start, start + text.length());
    }

    private static AnalysedSentence analysed(String text) {
        return AnalysedSentence.of(new Sentence(text, 0, text.length()));
    }
}
