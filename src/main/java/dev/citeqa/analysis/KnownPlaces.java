package dev.citeqa.analysis;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The places known by list: countries (from the JDK's locale data), states and provinces, and the cities that news
 * names bare. A name is looked up in the form {@link EntityTagger#plain} gives it, so "Türkiye’s" finds Turkey.
 */
public final class KnownPlaces {

    /** English country names from the JDK's locale data, so no gazetteer file has to be maintained. */
    private static final Set<String> COUNTRIES = countries();

    /** States and provinces ({@code analysis/region-names.txt}), in the form {@link EntityTagger#plain} gives. */
    private static final Set<String> REGIONS = names("region-names");

    /** Cities that news names bare ({@code analysis/city-names.txt}), in the form {@link EntityTagger#plain} gives. */
    private static final Set<String> CITIES = names("city-names");

    private KnownPlaces() {}

    /** Whether a place name is a country's ("Mexico", "UK", "Russia's"). */
    public static boolean isCountry(String name) {
        return COUNTRIES.contains(EntityTagger.plain(name));
    }

    /** Whether a place name is a state's or province's ("Texas", "Ontario"). */
    public static boolean isRegion(String name) {
        return REGIONS.contains(EntityTagger.plain(name));
    }

    /** Whether a place name is a city's that news names bare ("Los Angeles", "Kyiv"). */
    public static boolean isCity(String name) {
        return CITIES.contains(EntityTagger.plain(name));
    }

    /** Whether a name is a country's, a state's or province's, or a city's that news names bare. */
    public static boolean contains(String name) {
        String plain = EntityTagger.plain(name);
        return COUNTRIES.contains(plain) || REGIONS.contains(plain) || CITIES.contains(plain);
    }

    /**
     * A state, province or city, and no country (Singapore is both), as what a run of names may be cut into by the
     * entity rules. Countries keep their runs: the person's words before a name say which country they serve, and
     * "Russia and Ukraine" cut in two cost a public seed question its answer.
     */
    static boolean isStateOrCity(String name) {
        String plain = EntityTagger.plain(name);
        return REGIONS.contains(plain) || CITIES.contains(plain) && !COUNTRIES.contains(plain);
    }

    private static Set<String> names(String list) {
        Set<String> names = new HashSet<>();
        WordLists.load(list).forEach(name -> names.add(EntityTagger.plain(name)));
        return names;
    }

    private static Set<String> countries() {
        Set<String> names = new HashSet<>();
        for (String code : Locale.getISOCountries()) {
            names.add(EntityTagger.plain(Locale.of("", code).getDisplayCountry(Locale.ENGLISH)));
        }
        // Common English short forms the locale data spells differently.
        names.addAll(Set.of("turkey", "russia", "usa", "us", "uk", "britain", "america", "holland", "europe",
                "africa", "asia", "ivorycoast"));
        return names;
    }
}
