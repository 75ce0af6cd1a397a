package dev.kreis.platform.identity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Scores how likely two profiles describe the same customer, with the reasons a person can check.
 * Names decide; company or address confirm: with a confirming field the score is
 * 0.6 × name + 0.4 × best confirming similarity, without one 0.9 × name, so equal names alone
 * (0.9) still need a person's look and a similar name with a different company falls below.
 */
public final class Similarity {
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private Similarity() {
    }

    /** A score in 0..1 and why. */
    public record Score(BigDecimal value, List<String> reasons) {
    }

    /**
     * The score of {@link #of} without its reasons, for screening many candidates (describing the reasons costs more
     * than scoring); empty where {@link #of} is.
     */
    public static Optional<BigDecimal> value(MatchProfile a, MatchProfile b) {
        if (!a.kind().equals(b.kind()) || a.fullName().isEmpty() || b.fullName().isEmpty()) {
            return Optional.empty();
        }
        double name = JARO_WINKLER.apply(a.fullName(), b.fullName());
        double confirm = -1;
        if (!a.company().isEmpty() && !b.company().isEmpty()) {
            confirm = JARO_WINKLER.apply(a.company(), b.company());
        }
        if (!a.address().isEmpty() && !b.address().isEmpty()) {
            confirm = Math.max(confirm, JARO_WINKLER.apply(a.address(), b.address()));
        }
        double score = confirm < 0 ? 0.9 * name : 0.6 * name + 0.4 * confirm;
        return Optional.of(BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP));
    }

    public static Optional<Score> of(MatchProfile a, MatchProfile b) {
        if (!a.kind().equals(b.kind()) || a.fullName().isEmpty() || b.fullName().isEmpty()) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        double name = JARO_WINKLER.apply(a.fullName(), b.fullName());
        reasons.add(describe("name", a.fullName(), b.fullName(), name));
        double confirm = -1;
        if (!a.company().isEmpty() && !b.company().isEmpty()) {
            double company = JARO_WINKLER.apply(a.company(), b.company());
            reasons.add(describe("company", a.company(), b.company(), company));
            confirm = company;
        }
        if (!a.address().isEmpty() && !b.address().isEmpty()) {
            double address = JARO_WINKLER.apply(a.address(), b.address());
            reasons.add(describe("address", a.address(), b.address(), address));
            confirm = Math.max(confirm, address);
        }
        double score = confirm < 0 ? 0.9 * name : 0.6 * name + 0.4 * confirm;
        return Optional.of(new Score(BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP), List.copyOf(reasons)));
    }

    private static String describe(String field, String a, String b, double similarity) {
        if (a.equals(b)) {
            return "same " + field + " '" + a + "'";
        }
        return String.format(Locale.ROOT, "similar %s '%s' and '%s' (%.2f)", field, a, b, similarity);
    }
}
