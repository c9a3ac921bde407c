package dev.citeqa.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.EntityTagger.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityTaggerTest {

    @Test
    void aVeryLongCapitalisedRunIsOneNameNotAStackOverflow() {
        // A thousand capitalised words: a follow-up's earlier turn pasted in, or a headline in capitals.
        List<Entity> entities = EntityTagger.tag("Mark Rutte ".repeat(3_000).strip() + " said so.");
        assertEquals(1, entities.size(), entities.toString());
        assertTrue(entities.getFirst().text().startsWith("Mark Rutte Mark Rutte"));
    }

    private static List<String> of(Kind kind, String text) {
        return EntityTagger.tag(text).stream().filter(e -> e.kind() == kind).map(Entity::text).toList();
    }

    // Names ending in s, and a possessive inside a name, stay whole.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Zelensky's|Zelensky", "Russia’s|Russia", "Donald Trump's|Donald Trump",
        "Tom Jones|Tom Jones", "Macy's Thanksgiving Parade|Macy's Thanksgiving Parade"})
    void aPossessiveIsNotPartOfTheName(String run, String name) {
        assertEquals(name, EntityTagger.withoutPossessive(run));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Detroit Lions|true", "Kansas City Chiefs|true", "New York Knicks|true", "Philadelphia 76ers|true",
        "Georgia Bulldogs|true",
        // A person named after a place, with or without a possessive; a first name that is a country.
        "London Breed|false", "Paris Hilton's|false", "Jordan Chiles|false",
        // A place no list has, a place alone, a last word that is no plural or not capitalised.
        "Golden State Warriors|false", "Detroit|false", "Texas Senate Bill|false", "Boston Glass|false",
        "New York fans|false", "' '|false",
    })
    void aTeamOfAPlaceIsItsCityOrStateAndAPlural(String run, boolean team) {
        assertEquals(team, EntityTagger.isTeamOfAPlace(run));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Russia|russia", "russia|russia", "G7|g7", "Russia's|russia", "Russia’s|russia", "U.S.|us",
        "Erdoğan|erdogan", "Côte d'Ivoire|cotedivoire", "McDonald's|mcdonald", "Secretary-General|secretarygeneral",
    })
    void aPlainWordIsFoldedToLowerCaseLettersAndDigitsWithoutItsPossessive(String word, String plain) {
        assertEquals(plain, EntityTagger.plain(word));
    }

    @Test
    void aCodeOfLettersAndFiguresIsOneName() {
        List<Entity> entities = EntityTagger.tag("The H5N1 strain, Covid-19 and the F-35 jet: Digi24 and G7 said so.");
        assertEquals(List.of("H5N1", "Covid-19", "F-35", "Digi24", "G7"), entities.stream().map(Entity::text).toList());
        // Its figures are no number of their own; a figure after a space is: "Boeing 737", "Title 42".
        assertEquals(List.of(), of(Kind.NUMBER, "Covid-19 grounded the F-35."));
        assertEquals(List.of("737", "42"), of(Kind.NUMBER, "A Boeing 737 under Title 42."));
        // A word that opens no name elsewhere is a code's letters: "I-95", not the pronoun and a number.
        assertEquals(List.of("I-95"), EntityTagger.tag("I-95 was closed, I said.").stream().map(Entity::text).toList());
    }

    @Test
    void anAbbreviatedTitleMakesAPersonOfANameThatEndsInAFacilityWord() {
        String text = "Dr. Gavin Hall met Gov. Ann Park at Carnegie Hall on King Street by the state. Walmart said it.";
        assertEquals(List.of("Gavin Hall", "Ann Park"), of(Kind.PERSON, text));
        assertEquals(List.of("Carnegie Hall", "King Street"), of(Kind.PLACE, text));
        // A full stop that ends a sentence is no abbreviation.
        assertEquals(List.of("Carnegie Hall"), of(Kind.PLACE, "It was said by the president. Carnegie Hall opened."));
    }

    @Test
    void aTemperatureBelowZeroKeepsItsSign() {
        assertEquals(List.of("minus 1C", "-5C", "−3 °C", "minus 10 degrees Celsius"), EntityTagger.tag(
                "It fell to minus 1C on Friday, -5C on Saturday and −3 °C on Sunday, minus 10 degrees Celsius on "
                        + "Monday; the Long March-2F flew.").stream()
                .filter(e -> e.kind() == Kind.NUMBER).map(Entity::text).toList());
        // One temperature however written, for the articles that give it to agree.
        for (String written : List.of("-5C", "minus 5C", "−5 °C", "-5 degrees")) {
            assertEquals("-5", EntityTagger.withoutUnit(written), written);
        }
        assertEquals("5", EntityTagger.withoutUnit("5C"));
    }

    @Test
    void aDivisionIsAnOrganisation() {
        String text = "The defeat left the club sixth in the Northern Premier Division, said Gary Moult.";
        assertEquals(List.of("Northern Premier Division"), of(Kind.ORGANIZATION, text));
        assertEquals(List.of("Gary Moult"), of(Kind.PERSON, text));
    }

    @Test
    void aUnitOfLengthRunIntoItsFigureIsPartOfIt() {
        assertEquals(List.of("6.5km", "300ft", "1 metre", "6.3 km"), EntityTagger.tag(
                "The lane is 6.5km, the mast 300ft, the step 1 metre and the tunnel 6.3 km.").stream()
                .filter(e -> e.kind() == Kind.NUMBER).map(Entity::text).toList());
    }

    @Test
    void aNameEndingInANaturalFeatureIsAPlace() {
        String text = "Water from the Orvan River reached Lake Tessen, the Tessen Dam and the Kiel Canal.";
        assertEquals(List.of("Orvan River", "Lake Tessen", "Tessen Dam", "Kiel Canal"), of(Kind.PLACE, text));
        assertEquals(List.of(), of(Kind.PERSON, text));
        // A surname that is also a feature word is left out of the list: Mike Castle is a person.
        assertEquals(List.of("Mike Castle"), of(Kind.PERSON, "The senator, Mike Castle, voted."));
    }

    @Test
    void anInitialismKeepsItsOwnFullStop() {
        // A name word ends in a letter; the stop after "U.S" is the initialism's, wherever the sentence ends.
        String text = "A ban in the U.S. came first, talks moved to Washington, D.C. and the U.K. followed, as did the"
                + " EU.";
        assertEquals(List.of("U.S.", "Washington", "D.C.", "U.K.", "EU"), EntityTagger.tag(text).stream()
                .map(Entity::text).toList());
    }

    @Test
    void aMeasurementKeepsItsUnit() {
        String text = "It reached 32.6C, or 90.7°F, on Friday; 12.8 inches of snow fell in 2022 and gusts hit 59mph"
                + " over 3 miles of road, where 15 in 100 homes lost power and 2m people paid $5m.";
        assertEquals(List.of("32.6C", "90.7°F", "12.8 inches", "59mph", "3 miles", "15", "100", "2m", "$5m"),
                of(Kind.NUMBER, text));
    }

    @Test
    void aLetterAfterAFigureIsATemperatureOnlyAsOne() {
        // A capital run into a figure of two digits at most: "50c" is a coin and "114C" a seat, which, run into
        // letters, are no figures, as before units were read.
        assertEquals(List.of("32C"), of(Kind.NUMBER, "It reached 32C; a 50c coin, seat 114C, a March-2F rocket,"
                + " win%2C."));
        assertEquals("32.6", EntityTagger.withoutUnit("32.6°C"));
        assertEquals("32.6", EntityTagger.withoutUnit("32.6 degrees"));
        assertEquals("$5m", EntityTagger.withoutUnit("$5m"));
    }

    @Test
    void aScoreOrATallyIsOneFigure() {
        // The year of "2023-24" is a date, and its second side a figure of its own, as before; "COVID-19" is a name.
        String text = "Michigan won 34-13 after a 352-65 vote on the 2023-24 budget; COVID-19 cost 1-2-3 and 10-year"
                + " bonds.";
        assertEquals(List.of("34-13", "352-65", "24", "1", "2", "3"), of(Kind.NUMBER, text));
    }

    @Test
    void anAdjectiveOfNationalityAloneNamesNothing() {
        String text = "The Ukrainian delegation met Ukrainian President Volodymyr Zelensky in Ukraine with French aides.";
        assertEquals(List.of("Ukrainian", "French"), of(Kind.NATIONALITY, text));
        assertEquals(List.of("Ukrainian President Volodymyr Zelensky"), of(Kind.PERSON, text));
        assertEquals(List.of("Ukraine"), of(Kind.PLACE, text));
        // Plural nouns of nationality name people, as other capitalised words do; so does a surname after a title.
        assertEquals(List.of(), of(Kind.NATIONALITY, "Ukrainians and Scots voted."));
        assertEquals(List.of("Welsh"), of(Kind.PERSON, "The team was led by head coach Welsh."));
    }

    @Test
    void aNameThatFillsItsQuotationMarksIsATitle() {
        String text = "CBS' \"The Late Show\" host Stephen Colbert and “Oppenheimer,” “Succession” and “The Bear” won.";
        assertEquals(List.of("Late Show", "Oppenheimer", "Succession", "Bear"), of(Kind.TITLE, text));
        assertEquals(List.of("Stephen Colbert"), of(Kind.PERSON, "CBS' \"The Late Show\" host Stephen Colbert won."));
        // A quote that only opens or closes with a name is someone speaking, or spoken of; a ’ after a name that a
        // straight quote opens is a possessive.
        assertEquals(List.of(), of(Kind.TITLE, "“Biden is old,” Haley said. She added: “Vote for Donald Trump.”"));
        assertEquals(List.of("Jones"), of(Kind.NAME, "\"Jones’ team won,\" he said."));
        // An organisation's name stays one in quotation marks; "A" opens a title as "The" does.
        assertEquals(List.of("Wagner Group"), of(Kind.ORGANIZATION, "Fighters of the “Wagner Group” left."));
        assertEquals(List.of("Quiet Place"), of(Kind.TITLE, "Critics liked \"A Quiet Place\" most."));
        // An event's name is a name wherever it stands, not a place after "in".
        assertEquals(List.of("Summer Olympics"), of(Kind.NAME, "It is the first ceremony in Summer Olympics history."));
    }

    @Test
    void anAmpersandJoinsAName() {
        List<String> names = EntityTagger.tag("AT&T, Johnson & Johnson and Texas A&M beat the S&P 500 as Ann & Bob"
                + " watched.").stream().map(Entity::text).toList();
        assertEquals(List.of("AT&T", "Johnson & Johnson", "Texas A&M", "S&P", "500", "Ann & Bob"), names);
        // An ampersand before a small letter joins nothing.
        assertEquals(List.of("Tom", "Jerry"), EntityTagger.tag("Tom&jerry met Jerry.").stream()
                .map(Entity::text).toList());
    }

    @Test
    void aDeterminerThatOpensTheSentenceIsNoFirstName() {
        // "Other Putin" would be a second man named Putin.
        assertEquals(List.of(), of(Kind.PERSON, "Other Putin opponents are either in jail or in exile."));
        assertEquals(List.of(), of(Kind.PERSON, "Several Ford plants closed."));
    }

    @Test
    void datesNumbersAndDurations() {
        String text = "On May 15 the talks lasted approximately 40 minutes, and 32 allies met in March 2022.";
        assertEquals(List.of("May 15", "in March 2022"), of(Kind.DATE, text));
        assertEquals(List.of("40 minutes"), of(Kind.DURATION, text));
        assertEquals(List.of("32"), of(Kind.NUMBER, text));
    }

    @Test
    void aTimeOfDayIsADate() {
        assertEquals(List.of("8 a.m.", "Sunday", "10:30pm", "noon"),
                of(Kind.DATE, "Bars may serve from 8 a.m. on Sunday, close at 10:30pm, and reopen at noon."));
        // Not a word that merely ends in "am"; a British time is whole.
        assertEquals(List.of(), of(Kind.DATE, "The 12 Amish families met."));
        assertEquals(List.of("7.30pm"), of(Kind.DATE, "Doors open at 7.30pm."));
        assertEquals(List.of(), of(Kind.NUMBER, "Doors open at 7.30pm."));
    }

    @Test
    void anAgeIsNoLengthOfTime() {
        assertEquals(List.of(), of(Kind.DURATION, "The 37-year-old became prime minister."));
        assertEquals(List.of("37-year-old"), of(Kind.NUMBER, "The 37-year-old became prime minister."));
        assertEquals(List.of("37 years"), of(Kind.DURATION, "He served for 37 years."));
    }

    @Test
    void anIsoDateIsOneDateNotAYear() {
        assertEquals(List.of("2024-05-14", "2024"), of(Kind.DATE, "Filed on 2024-05-14, it was the first of 2024."));
        assertEquals(List.of("14.05.2024"), of(Kind.DATE, "Filed on 14.05.2024."));
    }

    @Test
    void aDayAfterAVagueMonthIsTheDate() {
        assertEquals(List.of("late May", "May 12"), of(Kind.DATE, "Talks began in late May; he called on late May 12."));
    }

    /** "by July" is a date, but "by July 12" is "July 12": the phrase lost its day. */
    @Test
    void aDayAfterAMonthWithItsPrepositionIsTheDate() {
        assertEquals(List.of("July 12", "Dec. 1", "by June", "in May 2024"),
                of(Kind.DATE, "Apply by July 12. Renew by Dec. 1 each year. It ends by June, as in May 2024."));
    }

    @Test
    void figuresKeepTheirCurrencySignAndMagnitude() {
        String text = "Spots sold for $7 million each, seen by 0.55% of people, or 43.8 million, on the 15th.";
        assertEquals(List.of("$7 million", "0.55%", "43.8 million"), of(Kind.NUMBER, text));
    }

    /** Wire copy abbreviates a share and a magnitude: "9.5 pct", "412 mln dlrs". */
    @Test
    void wireCopysAbbreviationsAreTheFiguresToo() {
        assertEquals(List.of("9.5 pct", "412 mln"), of(Kind.NUMBER, "A 9.5 pct rise, and 412 mln dlrs last year."));
    }

    /** A weekday before the date is part of it: "Monday 17th March", not "Monday" and "17th March". */
    @Test
    void aWeekdayBeforeTheDateIsPartOfIt() {
        assertEquals(List.of("Monday 17th March", "Tuesday, December 2, 2025", "Friday"),
                of(Kind.DATE, "It starts on Monday 17th March and ends on Tuesday, December 2, 2025, not Friday."));
    }

    @Test
    void statesNamedBareArePlaces() {
        assertEquals(List.of("Texas", "New York"), of(Kind.PLACE, "Texas sued, and New York followed."));
    }

    @Test
    void aCityNamedBareIsAPlace() {
        String text = "Los Angeles: Xi Jinping brought Hong Kong to heel, and Rio de Janeiro hosted the summit.";
        assertEquals(List.of("Los Angeles", "Hong Kong", "Rio de Janeiro"), of(Kind.PLACE, text));
        assertEquals(List.of("Xi Jinping"), of(Kind.PERSON, text));
        // A city whose name is also a surname is none of the list: bare, it names no place; "in" makes it one.
        assertEquals(List.of(), of(Kind.PLACE, "Austin said the strikes would go on."));
        assertEquals(List.of("Austin"), of(Kind.PLACE, "The rally in Austin drew thousands."));
        // A city's name in quotation marks is a title: “Chicago” on Broadway is a musical.
        assertEquals(List.of("Chicago"), of(Kind.TITLE, "She starred in “Chicago” on Broadway."));
    }

    @Test
    void aStateOrCityBeforeAnOfficeIsAPlace() {
        String text = "Baltimore Mayor Brandon Scott, Texas Attorney General Ken Paxton and Alabama Secretary of State "
                + "John Merrill spoke.";
        assertEquals(List.of("Baltimore", "Texas", "Alabama"), of(Kind.PLACE, text));
        assertEquals(List.of("Mayor Brandon Scott", "Attorney General Ken Paxton", "Secretary of State John Merrill"),
                of(Kind.PERSON, text));
        // An abbreviated title: the place, then the person after the title's full stop.
        assertEquals(List.of("New York"), of(Kind.PLACE, "New York Gov. Kathy Hochul said."));
        assertEquals(List.of("Kathy Hochul"), of(Kind.PERSON, "New York Gov. Kathy Hochul said."));
        // A modifier of a title only with the title after it: "State Senator", not "State Fair".
        assertEquals(List.of("Texas"), of(Kind.PLACE, "Texas State Senator Jane Doe said."));
        // Not an organisation the place names, nor a person introduced by one, nor a place in a sentence's last
        // words that end like an abbreviated title; and not a country, whose people serve it.
        for (String kept : List.of("Delaware State Police said.", "Fans went to the Iowa State Fair.",
                "The Delaware General Assembly passed the bill.", "Alaska Airlines CEO Ben Minicucci said it.",
                "Washington Post Executive Editor Matt Murray said.", "A semifinal between Ohio State and Michigan.",
                "US Secretary of State Marco Rubio arrived.", "Singapore Prime Minister Lawrence Wong said.",
                "He watched “Miami Vice.”")) {
            assertEquals(List.of(), of(Kind.PLACE, kept), kept);
        }
    }

    @Test
    void aPlaceAfterOfIsWhereAPersonIsFrom() {
        String text = "Sen. Bernie Sanders of Vermont and King Abdullah II of Jordan met the Duchess of Sussex.";
        assertEquals(List.of("Bernie Sanders", "King Abdullah II", "Duchess of Sussex"), of(Kind.PERSON, text));
        assertEquals(List.of("Vermont", "Jordan"), of(Kind.PLACE, text));
        // An organisation's own name, and a place's, keep their "of", and so does a name of no title, which the
        // tagger cannot tell from a person's.
        assertEquals(List.of("Bank of America"), of(Kind.ORGANIZATION, "The Bank of America said."));
        assertEquals(List.of("Gulf of Mexico"), of(Kind.PLACE, "The Gulf of Mexico is warm."));
        assertEquals(List.of("People's Republic of China"), of(Kind.PLACE, "The People's Republic of China said."));
        assertEquals(List.of(), of(Kind.PERSON, "The People's Republic of China said."));
    }

    @Test
    void aNameAfterToIsWhomAfterAWordOfSayingOrGiving() {
        String text = "According to John Smith, the prize was given to Ann Lee, who lost to Ben Cole.";
        assertEquals(List.of("John Smith", "Ann Lee", "Ben Cole"), of(Kind.PERSON, text));
        assertEquals(List.of(), of(Kind.PLACE, text));
        // Elsewhere "to" still says where: "He flew to Santa Clarita."
        assertEquals(List.of("Santa Clarita"), of(Kind.PLACE, "He flew to Santa Clarita on Monday."));
    }

    @Test
    void twoPlacesJoinedByAndAreTwo() {
        assertEquals(List.of("Georgia", "Tennessee"), of(Kind.PLACE, "The storm hit Georgia and Tennessee."));
        assertEquals(List.of("Bosnia and Herzegovina"), of(Kind.PLACE, "Officials in Bosnia and Herzegovina said."));
    }

    @Test
    void wherePeopleAndFirmsAreBasedIsAPlace() {
        String text = "The Los Angeles-based artist Meggs painted it for New York-based Hearst, with Iowa-born aides.";
        assertEquals(List.of("Los Angeles", "New York", "Iowa"), of(Kind.PLACE, text));
        assertEquals(List.of(), of(Kind.PERSON, text));
        assertEquals(List.of("Meggs", "Hearst"), of(Kind.NAME, text));
        assertEquals(List.of("American"), of(Kind.NATIONALITY, "The American-born singer"));
    }

    @Test
    void theTheOfAPlaceNameIsPartOfTheName() {
        assertEquals(List.of("Hague"), of(Kind.PLACE, "The summit is scheduled in The Hague on June 24."));
        assertEquals(List.of(), of(Kind.PLACE, "The order came from the Biden administration."));
    }

    @Test
    void peoplePlacesAndOrganisations() {
        String text = "Foreign Minister Hakan Fidan met officials of the European Commission in Antalya.";
        assertEquals(List.of("Foreign Minister Hakan Fidan"), of(Kind.PERSON, text));
        assertEquals(List.of("European Commission"), of(Kind.ORGANIZATION, text));
        assertEquals(List.of("Antalya"), of(Kind.PLACE, text));
    }

    @Test
    void companiesNamedLikePeopleAreOrganisations() {
        // Two capitalised words are a person unless a word says otherwise.
        String text = "Alaska Airlines grounded its jets, and Ben Minicucci spoke at Universal Studios.";
        assertEquals(List.of("Alaska Airlines", "Universal Studios"), of(Kind.ORGANIZATION, text));
        assertEquals(List.of("Ben Minicucci"), of(Kind.PERSON, text));
        assertEquals(List.of("Wexbridge United"), of(Kind.ORGANIZATION, "Wexbridge United won the league."));
    }

    @Test
    void awardsAreNotPeopleAndBuildingsArePlaces() {
        String text = "Rachel Zhang won the Halvorsen Prize and spoke at Kingsholt General Hospital.";
        assertEquals(List.of("Rachel Zhang"), of(Kind.PERSON, text));
        assertEquals(List.of("Halvorsen Prize"), of(Kind.NAME, text));
        assertEquals(List.of("Kingsholt General Hospital"), of(Kind.PLACE, text));
    }

    @Test
    void aPersonIntroducedByTheOfficeOfAnOrganisationIsAPerson() {
        assertEquals(List.of("Senate Majority Leader Chuck Schumer"),
                of(Kind.PERSON, "Senate Majority Leader Chuck Schumer said on Monday he would look at it."));
        assertEquals(List.of("House Speaker Mike Johnson"), of(Kind.PERSON, "House Speaker Mike Johnson spoke."));
        // The office alone, or an organisation with no title before a name, stays an organisation.
        assertEquals(List.of("Senate Judiciary Committee"),
                of(Kind.ORGANIZATION, "The Senate Judiciary Committee met."));
    }

    @Test
    void namesListedWithAndAreTwoNamesButOneNameWithAndStaysWhole() {
        assertEquals(List.of("Vladimir Putin", "Volodymyr Zelensky"),
                of(Kind.PERSON, "Talks between Vladimir Putin and Volodymyr Zelensky stalled."));
        assertEquals(List.of("President Recep Tayyip Erdoğan", "Foreign Minister Hakan Fidan"),
                of(Kind.PERSON, "President Recep Tayyip Erdoğan and Foreign Minister Hakan Fidan spoke."));
        assertEquals(List.of("Stephen Colbert", "John Oliver"), of(Kind.PERSON,
                "Hosts include Stephen Colbert and HBO's host John Oliver."));
        assertEquals(List.of("Bosnia and Herzegovina"), of(Kind.PLACE, "He flew to Bosnia and Herzegovina."));
        assertEquals(List.of("Hagley Museum and Library's"),
                of(Kind.PLACE, "She toured Hagley Museum and Library's archive."));
        assertEquals(List.of("Stephen Colbert", "John Oliver"), of(Kind.PERSON,
                "Hosts include Stephen Colbert and HBO’s host John Oliver."));
        assertEquals(List.of("Department of Housing and Urban Development"),
                of(Kind.ORGANIZATION, "The Department of Housing and Urban Development said so."));
    }

    @Test
    void eventsAndAwardsAreNoPeople() {
        String text = "She won the Australian Open, watched the Super Bowl, the Africa Cup of Nations and the World "
                + "Championship Finals, and drove to Festival City.";
        assertEquals(List.of(), of(Kind.PERSON, text));
        assertEquals(List.of("Australian Open", "Super Bowl", "Africa Cup of Nations", "World Championship Finals"),
                of(Kind.NAME, text));
        assertFalse(EntityTagger.namesAThing("Festival City"));
        // A word of the list that is a person's first name, after a title, or a place's word, is neither.
        String people = "President Bill Clinton and National Hurricane Center Director Michael Brennan spoke.";
        assertEquals(List.of("President Bill Clinton", "National Hurricane Center Director Michael Brennan"),
                of(Kind.PERSON, people));
        assertEquals(List.of("Rose Bowl Stadium", "National Hurricane Center"),
                of(Kind.PLACE, "She drove from the Rose Bowl Stadium to the National Hurricane Center."));
        assertEquals(List.of(), of(Kind.PERSON, "She won her first Olympics."));
    }

    @Test
    void sentenceInitialFunctionWordsAreNotNames() {
        assertTrue(EntityTagger.tag("However, the delegation left.").isEmpty());
    }

    @Test
    void aPrepositionOrAdverbThatOpensTheSentenceIsNoPartOfTheName() {
        assertEquals(List.of("Apple", "Samsung"), of(Kind.NAME, "Unlike Apple, Samsung sells phones."));
        assertEquals(List.of("Europe"), of(Kind.PLACE, "Across Europe, farmers protested."));
        assertEquals(List.of("President Biden"), of(Kind.PERSON, "He said it. Under President Biden, prices rose."));
        // Inside a sentence the word is part of the name.
        assertEquals(List.of("Under Armour"), texts("The shares of Under Armour fell."));
    }

    @Test
    void aWordMadeAnAdjectiveByItsHyphenIsNoName() {
        assertEquals(List.of(), texts("The project uses AI-generated monologues. Award-winning films sold out."));
        assertEquals(List.of("House"), texts("The Republican-led House voted."));
        assertEquals(List.of("Wagner Group"), texts("The Kremlin-backed Wagner Group left."));
        // A title still makes a person; a place a firm is based in is a place; a name that ends in a capital stays.
        assertEquals(List.of("President-elect Donald Trump", "Mar-a-Lago", "Chick-fil-A"),
                texts("President-elect Donald Trump met Mar-a-Lago guests at Chick-fil-A."));
        assertEquals(List.of("Utah"), of(Kind.PLACE, "Utah-based Overstock fell."));
        // Each name of a list sheds its own; a given name written with a hyphen is no adjective.
        assertEquals(List.of("House", "Senate"),
                texts("The Republican-controlled House and Democratic-controlled Senate voted."));
        assertEquals(List.of("Hyun-jin Ryu", "Chung-in Moon", "Ma Ying-jeou"),
                of(Kind.PERSON, "Hyun-jin Ryu, Chung-in Moon and Ma Ying-jeou spoke."));
        assertEquals(List.of("Church of Jesus Christ of Latter-day Saints"),
                texts("The Church of Jesus Christ of Latter-day Saints grew."));
    }

    private static List<String> texts(String text) {
        return EntityTagger.tag(text).stream().map(Entity::text).toList();
    }

    @Test
    void anAbbreviatedTitleIsNoNameAndItsPersonIsNoCountry() {
        // "Jordan" is a country's name as well.
        for (String text : List.of("Rep. Jim Jordan said he would run.", "He said Rep. Jim Jordan would run.")) {
            List<Entity> entities = EntityTagger.tag(text);
            assertEquals(1, entities.size(), text);
            assertEquals(Kind.PERSON, entities.getFirst().kind());
            assertEquals("Jim Jordan", entities.getFirst().text());
        }
        assertEquals(List.of("Jordan"), of(Kind.PLACE, "The envoy flew to Jordan."));
    }

    @Test
    void aTitleAndTwoWordsOfNameAreSurelyAPerson() {
        assertTrue(EntityTagger.isTitledPerson("CEO Elon Musk"));
        assertTrue(EntityTagger.isTitledPerson("Chief Justice John Roberts"));
        assertTrue(EntityTagger.isTitledPerson("NATO Secretary General Mark Rutte"));
        // A title and one word may name a firm; a run that ends in a title names an office; no title, no telling.
        assertFalse(EntityTagger.isTitledPerson("General Electric"));
        assertFalse(EntityTagger.isTitledPerson("Defence Minister"));
        assertFalse(EntityTagger.isTitledPerson("Detroit Lions"));
        // An office named with "of"; a title word that only qualifies ("State", "General") begins bodies' names too.
        assertFalse(EntityTagger.isTitledPerson("Deputy Secretary of State"));
        assertFalse(EntityTagger.isTitledPerson("CEO of SpaceX"));
        assertFalse(EntityTagger.isTitledPerson("Boise State Public Radio"));
        assertFalse(EntityTagger.isTitledPerson("General Motors Co"));
    }

    @Test
    void personNamesLoseTheirTitles() {
        assertEquals("Mark Rutte", EntityTagger.personName("NATO Secretary General Mark Rutte"));
        assertEquals("Vladimir Putin", EntityTagger.personName("Russian President Vladimir Putin"));
        assertEquals("Hakan Fidan", EntityTagger.personName("Hakan Fidan"));
        // A hyphenated title is a title too, and ends a run that an "and" joined to another name.
        assertEquals("Mark Rutte", EntityTagger.personName("Tayyip Erdogan and NATO Secretary-General Mark Rutte"));
        assertTrue(EntityTagger.isTitle("Vice-President"));
        assertFalse(EntityTagger.isTitle("Mark-Rutte"));
        // A generational suffix is no name by itself, so the word before it is no title.
        assertEquals("Martin Luther King Jr", EntityTagger.personName("Rev Martin Luther King Jr"));
        assertEquals("Charles III", EntityTagger.personName("King Charles III"));
        assertEquals("Prince William", EntityTagger.styledName("Britain's\nPrince William"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Britain's Prince William|Prince William", "King Charles III|King Charles III",
        "Pope Francis|Pope Francis", "Singer Lady Gaga|Lady Gaga", "Prime Minister Sheikh Hasina|Sheikh Hasina",
        "First Lady Jill Biden|Jill Biden", "Saudi Crown Prince Mohammed bin Salman|Mohammed bin Salman",
        "NATO Secretary General Mark Rutte|Mark Rutte"})
    void aStyleThatIsPartOfHowAPersonIsCalledStays(String run, String name) {
        assertEquals(name, EntityTagger.styledName(run));
    }

    /** Where each match of {@code pattern} lies in {@code texts}. */
    private static List<String> matches(Pattern pattern, List<String> texts) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Matcher m = pattern.matcher(texts.get(i));
            while (m.find()) {
                found.add(i + ":" + m.start() + "-" + m.end());
            }
        }
        return found;
    }

    @Test
    void whereDatesAndFiguresStartChangesNoMatch() throws IOException {
        // The seed corpus, and neighbours each alternative treats in its own way: an underscore, a letter with a
        // mark, digits of other scripts, a currency sign after letters, a case-insensitive word in capitals.
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("corpus"))) {
            for (Path file : files.sorted().toList()) {
                texts.addAll(Files.readAllLines(file));
            }
        }
        texts.addAll(List.of("_8 a.m. on é2024, x_May 5, 2024, ÉMay 5", "9pm_ ½ 2023s ٢٠٢٤ ２０２４ Ｍay 3",
                "US$5 million, €2bn and 40% on Tuesday", "TWENTY-FIVE-year-old in the 1990s, mid-2010s",
                "e\u0301 2024 a\u0301May 5 since June 2019 next week", "3.4.2024 and 2024-05-14 at noon"));
        assertTrue(matches(EntityTagger.DATE, texts).size() > 20);
        assertEquals(matches(without(EntityTagger.DATE, EntityTagger.AT_WORD_START), texts),
                matches(EntityTagger.DATE, texts));
        assertTrue(matches(EntityTagger.NUMBER, texts).size() > 20);
        assertEquals(matches(without(EntityTagger.NUMBER, EntityTagger.AT_FIGURE_START), texts),
                matches(EntityTagger.NUMBER, texts));
    }

    /** The pattern without the start it is told up front. */
    private static Pattern without(Pattern pattern, String start) {
        assertTrue(pattern.pattern().startsWith(start));
        return Pattern.compile(pattern.pattern().substring(start.length()), pattern.flags());
    }
}
