package dev.kreis.platform.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeded property checks: each case gets its own {@link Random} seeded from the base seed and the
 * case number, so a failure names the seed that reproduces it.
 */
final class RandomCases {
    static final int CASES = 500;

    private RandomCases() {
    }

    static void check(long baseSeed, Consumer<Random> property) {
        for (int i = 0; i < CASES; i++) {
            long seed = baseSeed * 1_000_003L + i;
            try {
                property.accept(new Random(seed));
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError("property failed for seed " + seed + ": " + failure.getMessage(), failure);
            }
        }
    }

    /** Asserts a 4-decimal KPI value agrees with a reference computed in doubles. */
    static void assertAgrees(double expected, Optional<BigDecimal> actual) {
        assertTrue(actual.isPresent(), "expected " + expected + " but there was no value");
        assertAgrees(expected, actual.get());
    }

    static void assertAgrees(double expected, BigDecimal actual) {
        assertEquals(Ratio.SCALE, actual.scale(), "values carry exactly 4 decimal places: " + actual);
        double tolerance = 0.00005 + Math.abs(expected) * 1e-12;
        assertTrue(Math.abs(actual.doubleValue() - expected) <= tolerance, "expected " + expected + " but got " + actual);
    }

    static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }
}
