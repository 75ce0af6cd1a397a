package dev.kreis.app.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What lets the load balancer send any request to any node, without sticky sessions: a web UI session signed in on
 * one node is valid on the other (the nodes share {@code KREIS_SESSION_ENCRYPTION_KEY}), and a list cursor handed out
 * by one node pages on the other (the cursor key is the installation's, kept in the database).
 */
class SessionAcrossNodesIT {
    private static Cluster cluster;

    @BeforeAll
    static void up() throws Exception {
        cluster = Cluster.up();
    }

    @Test
    void aWebSessionSignedInOnOneNodeIsValidOnTheOther() {
        Api.Answer signedIn = cluster.on(cluster.a).signIn("admin", "nodes-suite-secret-1");
        assertEquals(200, signedIn.status(), signedIn.body());
        String cookies = signedIn.cookies();
        assertTrue(cookies.contains("kreis-session="), cookies);

        Api.Answer me = cluster.on(cluster.b).getWithout("/api/v1/me", Map.of("Cookie", cookies));
        assertEquals(200, me.status(), me.body());
        assertEquals("admin", me.json().path("name").asText(), me.body());
        assertEquals("session", me.json().path("authenticatedBy").asText());
        assertEquals(401, cluster.on(cluster.b).getWithout("/api/v1/me", Map.of()).status(), "and without the cookie nobody is signed in");
    }

    @Test
    void aListCursorFromOneNodePagesOnTheOther() {
        String source = "cursor-" + Cluster.unique();
        for (int i = 0; i < 3; i++) {
            assertEquals(201, cluster.lb().post("/api/v1/profiles", Api.profile(source, "p-" + i, "p" + i + "@" + source + ".example")).status());
        }
        JsonNode first = cluster.on(cluster.a).get("/api/v1/customers?source=" + source + "&limit=2").json();
        assertEquals(2, first.path("items").size());
        String cursor = first.path("nextCursor").asText();
        assertFalse(cursor.isEmpty(), first.toString());

        Api.Answer second = cluster.on(cluster.b).get("/api/v1/customers?source=" + source + "&limit=2&cursor="
                + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        assertEquals(200, second.status(), second.body());
        assertEquals(1, second.json().path("items").size(), second.body());
        String last = second.json().path("items").get(0).path("id").asText();
        assertNotEquals(first.path("items").get(0).path("id").asText(), last);
        assertNotEquals(first.path("items").get(1).path("id").asText(), last);
    }
}
