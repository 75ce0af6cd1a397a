package dev.kreis.app;

import java.util.List;
import java.util.Optional;

import dev.kreis.spi.touchpoint.Channel;
import dev.kreis.spi.touchpoint.Initiator;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.ScoreScale;
import dev.kreis.spi.touchpoint.TouchpointTypeDefinition;
import dev.kreis.spi.touchpoint.TouchpointTypeProvider;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Touchpoint types only the signal tests send, so other tests' touchpoints never trip their rules: a
 * support contact (there is no support module yet), a rated moment for tag and event rules, and a login
 * for absence rules.
 */
@ApplicationScoped
public class SignalTestTypes implements TouchpointTypeProvider {
    /** Keyed under support (for the {@code support.*} triggers) but owned by the tests: types owned by "support" need the support module installed. */
    public static final String SUPPORT_CONTACT = "support.test_contact";
    public static final String RATED = "signaltest.rated";
    public static final String LOGIN = "signaltest.login";

    @Override
    public List<TouchpointTypeDefinition> touchpointTypes() {
        return List.of(
                new TouchpointTypeDefinition(SUPPORT_CONTACT, "signaltest", Channel.PHONE, JourneyPhase.RETENTION, Initiator.CUSTOMER,
                        Optional.empty(), "A support contact, for the signal tests."),
                new TouchpointTypeDefinition(RATED, "signaltest", Channel.APP, JourneyPhase.RETENTION, Initiator.CUSTOMER,
                        Optional.of(ScoreScale.CSAT), "A rated moment, for the signal tests."),
                new TouchpointTypeDefinition(LOGIN, "signaltest", Channel.APP, JourneyPhase.RETENTION, Initiator.CUSTOMER,
                        Optional.empty(), "A login, for the signal tests' absence rules."));
    }
}
