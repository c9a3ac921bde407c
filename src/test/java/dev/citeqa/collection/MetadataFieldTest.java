package dev.citeqa.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetadataFieldTest {

    @ParameterizedTest
    @CsvSource({"publishedAt, DATE", "date_published, DATE", "Published-At, DATE", "pubDate, DATE",
        "source_domain, OUTLET", "site_name, OUTLET", "maintext, TEXT", "articleBody, TEXT", "description, SUMMARY",
        "Headline, TITLE", "canonical_url, LINK"})
    void namesWrittenAnyWayAreOneField(String name, MetadataField field) {
        assertEquals(field, MetadataField.of(name));
    }

    @ParameterizedTest
    @CsvSource({"author", "tags", "id", "published_by"})
    void otherNamesAreNoField(String name) {
        assertNull(MetadataField.of(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "https://www.reuters.example/world/storm reuters.example",
        "www.bbc.example.co.uk/news/1 bbc.example.co.uk",
        "http://editor@news.example:8080/a news.example",
        "https://example.com/a|b{c} example.com", // characters java.net.URI refuses
        "HTTPS://WWW.Example.COM Example.COM"})
    void aWebAddressNamesItsSite(String address, String site) {
        assertEquals(site, MetadataField.host(address));
    }

    @ParameterizedTest
    @CsvSource({"example.com/a", "not a link", "ftp://files.example/a", "mailto:desk@example.com"})
    void anythingElseNamesNoSite(String text) {
        assertNull(MetadataField.host(text));
    }
}
