package dev.citeqa.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnownPlacesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // name | country | state or province | city | state or city
        "Mexico|true|false|false|false",
        "UK|true|false|false|false",
        "Russia's|true|false|false|false",
        "Texas|false|true|false|true",
        "Ontario|false|true|false|true",
        "Los Angeles|false|false|true|true",
        "Kyiv|false|false|true|true",
        // A city that is a country too keeps a country's run; a city whose name is a surname is on no list.
        "Singapore|true|false|true|false",
        "Austin|false|false|false|false",
    })
    void aNameIsLookedUpInItsPlainForm(String name, boolean country, boolean region, boolean city,
            boolean stateOrCity) {
        assertEquals(country, KnownPlaces.isCountry(name));
        assertEquals(region, KnownPlaces.isRegion(name));
        assertEquals(city, KnownPlaces.isCity(name));
        assertEquals(country || region || city, KnownPlaces.contains(name));
        assertEquals(stateOrCity, KnownPlaces.isStateOrCity(name));
    }
}
