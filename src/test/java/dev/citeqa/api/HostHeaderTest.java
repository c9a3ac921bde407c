package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On loopback without a key, only requests for this machine (or a name allowed) are answered: a web page whose
 * domain name was rebound to 127.0.0.1 still names its own domain in the Host header.
 */
@QuarkusTest
@TestProfile(HostHeaderTest.Profile.class)
class HostHeaderTest {

    public static final class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("citeqa.http.allowed-hosts", "News.Example.org:443,[fd00::1]");
        }
    }

    @Test
    void aRequestForAnotherNameIsRefused() {
        for (String host : new String[] {"evil.example", "evil.example:8081", "127.0.0.1.evil.example"}) {
            given().header("Host", host).when().get("/api/articles").then().statusCode(403)
                    .body("error", containsString("localhost only"))
                    .body("status", equalTo(403));
            given().header("Host", host).when().get("/").then().statusCode(403);
        }
        given().header("Host", "evil.example").when().get("/v1/models").then().statusCode(403)
                .body("error.code", equalTo("invalid_host"));
    }

    @Test
    void thisMachineAndTheNamesAllowedAreAnswered() {
        for (String host : new String[] {"localhost", "localhost:8081", "127.0.0.1:8081", "127.0.1.1", "[::1]:8081",
                "LOCALHOST.", "app.localhost", "news.example.org", "NEWS.example.org:8443", "[fd00::1]:8081"}) {
            given().header("Host", host).when().get("/api/articles").then().statusCode(200);
        }
    }

    /** RFC 9112, 3.2: an HTTP/1.1 request needs one Host header, host or host:port. */
    @ParameterizedTest
    @ValueSource(strings = {"", "Host: localhost:99999\r\n", "Host: localhost:abc\r\n", "Host: [::1\r\n",
            "Host: localhost\r\nHost: evil.example\r\n"})
    void aMissingBrokenOrRepeatedHostIsAJson400(String hosts) throws IOException {
        RawHttp.Response api = RawHttp.exchange("GET /api/status HTTP/1.1\r\n" + hosts + "Connection: close\r\n\r\n",
                new byte[0]);
        assertEquals(400, api.status(), api.head());
        assertTrue(api.head().toLowerCase(Locale.ROOT).contains("content-type: application/json"), api.head());
        assertTrue(api.body().contains("\"error\":\"The Host header must be given once"), api.body());
        RawHttp.Response openAi = RawHttp.exchange("GET /v1/models HTTP/1.1\r\n" + hosts
                + "Connection: close\r\n\r\n", new byte[0]);
        assertEquals(400, openAi.status(), openAi.head());
        assertTrue(openAi.body().contains("\"code\":\"invalid_host\""), openAi.body());
    }

    @Test
    void aTargetInAbsoluteFormNamesTheHostToo() throws IOException {
        // RFC 9112, 3.2.2: the target's host is the request's, whatever the Host header says.
        RawHttp.Response foreign = RawHttp.exchange("GET http://evil.example/api/status HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\n\r\n", new byte[0]);
        assertEquals(403, foreign.status(), foreign.head());
        assertTrue(foreign.body().contains("not for \\\"evil.example\\\""), foreign.body());
        RawHttp.Response local = RawHttp.exchange("GET http://user@localhost:8081/api/status HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\n\r\n", new byte[0]);
        assertEquals(200, local.status(), local.head());
    }

    @Test
    void anHttp10RequestNeedsNoHost() throws IOException {
        RawHttp.Response response = RawHttp.exchange("GET /api/status HTTP/1.0\r\n\r\n", new byte[0]);
        assertEquals(200, response.status(), response.head());
    }

    @Test
    void aHostNameIsComparedWithoutCasePortBracketsOrTrailingDot() {
        org.junit.jupiter.api.Assertions.assertEquals("news.example.org", ApiGate.hostName("News.Example.org.:443"));
        org.junit.jupiter.api.Assertions.assertEquals("fd00::1", ApiGate.hostName("[fd00::1]:8081"));
        org.junit.jupiter.api.Assertions.assertEquals("::1", ApiGate.hostName("::1"));
    }
}
