package dev.kreis.app.ui;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Deep links into the web UI: a browser asking for a page address ({@code /customers/42}, {@code /kpis})
 * gets the single-page app, which reads the address itself. Quinoa's own SPA fallback runs after the REST
 * layer, which answers every unmatched path with a 404 problem first; this runs before it. API clients (no
 * {@code text/html} in Accept), files (a last segment ending in a static file's extension such as {@code .js}
 * or {@code .png}; a KPI key like {@code support.csat} is a page) and the API, operations, public and
 * sign-in ({@code /auth/}: "Sign in with Keycloak" and its sign-out are opened as pages) prefixes are left alone. The survey answer page {@code /answer/{token}} is its own small entry
 * ({@code answer.html}), served without sign-in like every page; the token is the credential of its API calls.
 */
@Singleton
public class SinglePageRoutes {
    /** The server's own paths; {@code /auth/} holds the Keycloak sign-in and sign-out, which a browser opens as pages. */
    private static final List<String> NOT_PAGES = List.of("/api/", "/q/", "/public/", "/auth/");
    /** Extensions of the files the UI build and Quinoa serve; any other dotted last segment is a page address. */
    private static final Set<String> FILE_EXTENSIONS = Set.of("html", "js", "mjs", "css", "map", "json", "txt", "ico", "png",
            "jpg", "jpeg", "gif", "svg", "webp", "avif", "woff", "woff2", "ttf", "webmanifest", "xml");
    static final String ANSWER_PREFIX = "/answer/";
    static final String ANSWER_ENTRY = "/answer.html";

    void install(@Observes Router router) {
        router.route().order(-800).handler(context -> {
            if (isPage(context)) {
                context.reroute(entryFor(context.normalizedPath()));
                return;
            }
            context.next();
        });
    }

    /** The HTML entry that serves a page address: the answer page's own for {@code /answer/...}, else the app's. */
    static String entryFor(String path) {
        return path.startsWith(ANSWER_PREFIX) ? ANSWER_ENTRY : "/";
    }

    static boolean isPage(RoutingContext context) {
        HttpMethod method = context.request().method();
        String path = context.normalizedPath();
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        return (method == HttpMethod.GET || method == HttpMethod.HEAD)
                && accept != null && accept.contains("text/html")
                && !path.equals("/")
                && !isServerPath(path)
                && !isFile(path);
    }

    /** Whether the address belongs to the server itself (API, operations, public endpoints, sign-in), never to the app. */
    static boolean isServerPath(String path) {
        return NOT_PAGES.stream().anyMatch(prefix -> path.startsWith(prefix) || (path + "/").equals(prefix));
    }

    /** Whether the address names a file: its last segment ends in one of the static files' extensions. */
    static boolean isFile(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot >= 0 && FILE_EXTENSIONS.contains(last.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
