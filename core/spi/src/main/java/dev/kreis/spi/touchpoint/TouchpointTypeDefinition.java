package dev.kreis.spi.touchpoint;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The definition of one touchpoint type, such as {@code support.ticket_resolved}.
 *
 * <p>Every ingested touchpoint names its type; the platform takes the module, journey phase and the
 * defaults for channel and initiator from this definition and validates the score against
 * {@link #scoreScale()}. A type with a scale requires a score; a type without one refuses a score.
 *
 * @param key            unique key, lower case, {@code <area>.<name>}: the area is letters, digits, {@code _} and
 *                       {@code -} starting with a letter, each further dot-separated part letters, digits and
 *                       {@code _}; e.g. {@code feedback.nps}; by convention the area is the owning module's id
 * @param owner          the module id that owns the type ({@code core} for the platform's own types)
 * @param defaultChannel the channel used when a touchpoint does not name one
 * @param phase          the journey phase a touchpoint of this type puts the customer in
 * @param initiator      who usually starts such an interaction; a touchpoint may say otherwise
 * @param scoreScale     the scale of the score, if this type carries one
 * @param description    one sentence for people reading the registry
 * @param pyramidLevel   the level of the CX pyramid this kind of interaction serves, if one fits
 *
 * <p>Stability: stable. Instances are immutable and thread-safe.
 */
public record TouchpointTypeDefinition(
        String key,
        String owner,
        Channel defaultChannel,
        JourneyPhase phase,
        Initiator initiator,
        Optional<ScoreScale> scoreScale,
        String description,
        Optional<CxPyramidLevel> pyramidLevel) {

    /** What a type key looks like: {@code owner.name}, lower case. */
    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_]+)+");

    public TouchpointTypeDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(defaultChannel, "defaultChannel");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(initiator, "initiator");
        Objects.requireNonNull(scoreScale, "scoreScale");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(pyramidLevel, "pyramidLevel");
        if (!KEY.matcher(key).matches() || key.length() > 100) {
            throw new IllegalArgumentException("touchpoint type key must look like 'area.name' in lower case: " + key);
        }
    }

    /** A type that names no CX-pyramid level. */
    public TouchpointTypeDefinition(String key, String owner, Channel defaultChannel, JourneyPhase phase, Initiator initiator,
            Optional<ScoreScale> scoreScale, String description) {
        this(key, owner, defaultChannel, phase, initiator, scoreScale, description, Optional.empty());
    }

    /** This type, serving {@code level} of the CX pyramid. */
    public TouchpointTypeDefinition atPyramidLevel(CxPyramidLevel level) {
        return new TouchpointTypeDefinition(key, owner, defaultChannel, phase, initiator, scoreScale, description, Optional.of(level));
    }
}
