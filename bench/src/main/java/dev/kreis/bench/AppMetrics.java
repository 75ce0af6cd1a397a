package dev.kreis.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the app's Prometheus metrics ({@code /q/metrics}). */
final class AppMetrics {
    private AppMetrics() {
    }

    /**
     * The sum of the values of every series {@code series} matches (its group 1 is the value). /q/metrics is for admins:
     * run.sh passes the admin's Basic credentials in {@code KREIS_BENCH_METRICS_AUTH} (the load generator's token is
     * integration's).
     */
    static double sum(HttpClient client, String base, Pattern series) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics"))
                .header("Authorization", System.getenv().getOrDefault("KREIS_BENCH_METRICS_AUTH", "")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        double sum = 0;
        Matcher m = series.matcher(r.body());
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
