package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.kreis.platform.touchpoint.RevenueTypes;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.ScoreScale;

/**
 * Folds one UTC day's touchpoints into the two rollups the KPI engine reads (ADR 0004): counts per
 * type, module, phase, initiator and score ({@link DayRow}), and per profile, module and phase the
 * furthest phase, orders, the peak and last scored touchpoint and the last MRR ({@link ProfileDayRow}).
 *
 * <p>Pure: the caller hands in the day's touchpoints in time order (occurred, then id), which is the
 * order "the later one" refers to for ties, and stores the rows. Folding the same touchpoints again
 * gives the same rows, which is what makes refolding a day idempotent.
 */
public final class DayFold {
    /** The score column of a day row whose score is not a whole-number answer (none, or sentiment). */
    public static final int NO_SCORE = -1;

    private final Map<DayKey, long[]> counts = new LinkedHashMap<>();
    private final Map<DayKey, BigDecimal> amounts = new LinkedHashMap<>();
    private final Map<ProfileKey, ProfileAccumulator> profiles = new LinkedHashMap<>();

    /**
     * One touchpoint as the fold sees it.
     *
     * @param scale the score scale of its type, {@code null} when the type carries none
     */
    public record Fact(UUID id, UUID profileId, String type, String module, String phase, String initiator, String scale,
            BigDecimal score, BigDecimal amount, OffsetDateTime occurredAt) {
    }

    /** A row of {@code kpi_day_rollup} (without the day). */
    public record DayRow(String type, String module, String phase, String initiator, String scale, int score, long touchpoints,
            BigDecimal amountSum) {
    }

    /** A row of {@code kpi_profile_day} (without the day); the scored and MRR columns are null when absent. */
    public record ProfileDayRow(UUID profileId, String module, String phase, int phaseRank, long touchpoints, long orders,
            BigDecimal orderAmount, long scored, BigDecimal peak30, OffsetDateTime peakAt, UUID peakId, String peakType, BigDecimal end30,
            OffsetDateTime endAt, UUID endId, BigDecimal mrr, OffsetDateTime mrrAt, UUID mrrId) {
    }

    private record DayKey(String type, String module, String phase, String initiator, String scale, int score) {
    }

    private record ProfileKey(UUID profileId, String module, String phase) {
    }

    /** Adds the next touchpoint of the day; touchpoints must come in time order. */
    public void add(Fact fact) {
        ScoreScale scale = fact.scale() == null ? null : ScoreScale.fromWire(fact.scale()).orElse(null);
        BigDecimal score = scale != null && fact.score() != null && scale.accepts(fact.score()) ? fact.score() : null;
        int bucket = score != null && scale.integral() ? score.intValueExact() : NO_SCORE;
        DayKey key = new DayKey(fact.type(), fact.module(), fact.phase(), fact.initiator(), scale == null ? "" : scale.wire(), bucket);
        counts.computeIfAbsent(key, k -> new long[1])[0]++;
        amounts.merge(key, Objects.requireNonNullElse(fact.amount(), BigDecimal.ZERO), BigDecimal::add);

        ProfileAccumulator profile = profiles.computeIfAbsent(new ProfileKey(fact.profileId(), fact.module(), fact.phase()),
                k -> new ProfileAccumulator());
        profile.touchpoints++;
        if (RevenueTypes.ORDER.equals(fact.type()) && fact.amount() != null) {
            profile.orders++;
            profile.orderAmount = profile.orderAmount.add(fact.amount());
        }
        if (score != null) {
            BigDecimal thirtieths = new ScoredTouchpoint<>(fact.id(), fact.occurredAt().toInstant(), scale, score).thirtieths();
            profile.scored++;
            if (profile.peak30 == null || thirtieths.abs().compareTo(profile.peak30.abs()) >= 0) {
                profile.peak30 = thirtieths;
                profile.peakAt = fact.occurredAt();
                profile.peakId = fact.id();
                profile.peakType = fact.type();
            }
            profile.end30 = thirtieths;
            profile.endAt = fact.occurredAt();
            profile.endId = fact.id();
        }
        if (RevenueTypes.SUBSCRIPTION.contains(fact.type()) && fact.amount() != null) {
            profile.mrr = fact.amount();
            profile.mrrAt = fact.occurredAt();
            profile.mrrId = fact.id();
        }
    }

    /** The day rollup rows of everything added. */
    public List<DayRow> dayRows() {
        List<DayRow> rows = new ArrayList<>();
        counts.forEach((key, count) -> rows.add(new DayRow(key.type(), key.module(), key.phase(), key.initiator(), key.scale(),
                key.score(), count[0], amounts.get(key))));
        return rows;
    }

    /** The per-profile rows of everything added. */
    public List<ProfileDayRow> profileRows() {
        List<ProfileDayRow> rows = new ArrayList<>();
        profiles.forEach((key, p) -> rows.add(new ProfileDayRow(key.profileId(), key.module(), key.phase(), phaseRank(key.phase()),
                p.touchpoints, p.orders, p.orderAmount, p.scored, p.peak30, p.peakAt, p.peakId, p.peakType, p.end30, p.endAt, p.endId, p.mrr,
                p.mrrAt, p.mrrId)));
        return rows;
    }

    /** A phase's position in the journey, awareness 0; unknown phases −1 (they never count as reached). */
    public static int phaseRank(String phase) {
        return JourneyPhase.fromWire(phase).map(Enum::ordinal).orElse(-1);
    }

    private static final class ProfileAccumulator {
        long touchpoints;
        long orders;
        BigDecimal orderAmount = BigDecimal.ZERO;
        long scored;
        BigDecimal peak30;
        OffsetDateTime peakAt;
        UUID peakId;
        String peakType;
        BigDecimal end30;
        OffsetDateTime endAt;
        UUID endId;
        BigDecimal mrr;
        OffsetDateTime mrrAt;
        UUID mrrId;
    }
}
