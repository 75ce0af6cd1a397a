package dev.kreis.app.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * "Sign in with Keycloak" in a real browser: {@code ui/e2e/keycloak.mjs} starts the packaged jar
 * ({@code app/target/quarkus-app}, built by the profile's package phase, web UI included) in keycloak mode against
 * the suite's Keycloak, and drives Debian's Chromium through playwright-core: the sign-in page, Keycloak's login
 * form, the home page with the user's name, a page the viewer may open and one it may not, and the sign-out
 * through Keycloak, after which a reload does not get back in. This test runs the script and fails unless every
 * step passed. It needs {@code ui/node_modules} ({@code cd ui && npm ci}; .ci/run does that before the suite),
 * {@code node} on the PATH and {@code /usr/bin/chromium}. Not a {@code @QuarkusTest}: the test application has no web UI.
 */
class KeycloakBrowserUiIT {

    private static final Path APP = Path.of("").toAbsolutePath();

    @Test
    void aViewerSignsInWithChromiumThroughKeycloakWorksWithinTheRoleAndSignsOutThroughKeycloak() throws Exception {
        Path ui = Path.of(System.getProperty("kreis.test.ui-dir", APP.resolve("../ui").toString())).toAbsolutePath().normalize();
        Path jar = Path.of(System.getProperty("kreis.test.jar", APP.resolve("target/quarkus-app/quarkus-run.jar").toString()));
        assertTrue(Files.isRegularFile(jar), "the packaged jar " + jar + " (the profile's package phase builds it)");
        assertTrue(Files.isDirectory(ui.resolve("node_modules/playwright-core")), "playwright-core in " + ui
                + "/node_modules: run `cd ui && npm ci` first");

        ProcessBuilder script = new ProcessBuilder("node", "e2e/keycloak.mjs").directory(ui.toFile()).redirectErrorStream(true);
        Map<String, String> env = script.environment();
        env.put("KREIS_JAR", jar.toString());
        env.put("E2E_PORT", String.valueOf(port()));
        env.put("KEYCLOAK_URL", KeycloakTestProfile.keycloakUrl());
        env.put("KEYCLOAK_ADMIN_PASSWORD", System.getProperty("kreis.test.keycloak.admin-password", "admin"));
        Process process = script.start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null;) {
                    System.out.println("[keycloak e2e] " + line);
                    output.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        reader.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            fail("the browser run did not end within 10 minutes:\n" + String.join("\n", output));
        }
        reader.join(10_000);
        String log = String.join("\n", output);
        assertEquals(0, process.exitValue(), "the browser run failed:\n" + log);
        assertTrue(output.stream().anyMatch(line -> line.matches("keycloak e2e: [1-9]\\d* passed, 0 failed .*")), log);
        assertTrue(output.stream().noneMatch(line -> line.contains("FAIL")), log);
    }

    /** {@code -Dkreis.keycloak.ui-port=…} in the profile, or else a free port. */
    private static int port() throws IOException {
        String fixed = System.getProperty("kreis.test.ui-port", "");
        if (!fixed.isBlank() && !fixed.equals("0")) {
            return Integer.parseInt(fixed);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
