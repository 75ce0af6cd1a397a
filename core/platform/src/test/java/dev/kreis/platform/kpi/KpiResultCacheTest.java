package dev.kreis.platform.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class KpiResultCacheTest {
    private static final OffsetDateTime MERGED = OffsetDateTime.parse("2031-01-01T00:00:00Z");

    private static KpiResultCache cache(int entries) {
        return new KpiResultCache(new KpiConfig() {
            public Duration foldInterval() { return Duration.ZERO; }
            public Duration foldOverlap() { return Duration.ZERO; }
            public int readFoldLimit() { return 0; }
            public int readFoldDays() { return 0; }
            public int foldDaysPerTransaction() { return 1; }
            public int gapCellsRebuildDays() { return 31; }
            public int defaultPeriodDays() { return 90; }
            public int maxSeriesPoints() { return 366; }
            public int cacheEntries() { return entries; }
            public BigDecimal grossMargin() { return BigDecimal.ONE; }
            public List<String> serviceTypes() { return List.of(); }
            public boolean memoryIndex() { return false; }
            public boolean customerRollup() { return true; }
            public long memoryIndexReadRefreshLimit() { return 0; }
        });
    }

    @Test
    void anAnswerIsReusedWhileTheVersionStaysTheSame() {
        KpiResultCache cache = cache(10);
        AtomicInteger computed = new AtomicInteger();
        KpiResultCache.Version version = new KpiResultCache.Version(7, MERGED);
        cache.get("nps", version, computed::incrementAndGet);
        assertEquals(1, (int) cache.get("nps", new KpiResultCache.Version(7, MERGED), computed::incrementAndGet));
    }

    @Test
    void aFoldOrAMergeMakesEveryAnswerBeComputedAgain() {
        KpiResultCache cache = cache(10);
        AtomicInteger computed = new AtomicInteger();
        cache.get("nps", new KpiResultCache.Version(7, MERGED), computed::incrementAndGet);
        assertEquals(2, (int) cache.get("nps", new KpiResultCache.Version(8, MERGED), computed::incrementAndGet), "a fold");
        assertEquals(3, (int) cache.get("nps", new KpiResultCache.Version(8, MERGED.plusSeconds(1)), computed::incrementAndGet), "a merge");
    }

    @Test
    void withoutEntriesNothingIsKept() {
        KpiResultCache cache = cache(0);
        AtomicInteger computed = new AtomicInteger();
        KpiResultCache.Version version = new KpiResultCache.Version(1, null);
        cache.get("nps", version, computed::incrementAndGet);
        assertEquals(2, (int) cache.get("nps", version, computed::incrementAndGet));
    }

    @Test
    void aSeriesIsComputedInOnePassWhenABucketIsMissingAndItsBucketsServeLaterReads() {
        KpiResultCache cache = cache(10);
        AtomicInteger passes = new AtomicInteger();
        KpiResultCache.Version version = new KpiResultCache.Version(3, null);
        cache.get("june", version, () -> "cached june");
        List<String> first = cache.getAll(List.of("june", "july"), version, () -> {
            passes.incrementAndGet();
            return List.of("june", "july");
        });
        assertEquals(List.of("june", "july"), first, "one bucket missing: the whole series is computed");
        assertEquals(1, passes.get());
        List<String> again = cache.getAll(List.of("june", "july"), version, () -> {
            passes.incrementAndGet();
            return List.of("other", "other");
        });
        assertEquals(List.of("june", "july"), again);
        assertEquals(1, passes.get(), "every bucket cached: nothing computed");
        assertEquals("july", cache.get("july", version, () -> "computed"), "a single read of a bucket finds it");
    }
}
