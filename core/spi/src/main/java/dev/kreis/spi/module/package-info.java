/**
 * The module contract: what a module is ({@link dev.kreis.spi.module.ModuleDescriptor}) and the
 * lifecycle hooks the platform calls when an admin installs, enables, disables, upgrades or uninstalls
 * it ({@link dev.kreis.spi.module.KreisModule}).
 *
 * <p>A module is a jar that depends on {@code kreis-spi} only. It declares one CDI bean implementing
 * {@link dev.kreis.spi.module.KreisModule}; the platform finds it at start-up, records it as
 * <em>available</em>, and from then on an admin decides at run time whether it is installed and enabled.
 * A module talks to the core only through the platform services in this artifact
 * ({@link dev.kreis.spi.touchpoint.TouchpointSink}, {@link dev.kreis.spi.customer.CustomerLookup},
 * {@link dev.kreis.spi.customer.CustomerHolds}, {@link dev.kreis.spi.kpi.KpiAggregations},
 * {@link dev.kreis.spi.feedback.FeedbackRequests}, {@link dev.kreis.spi.privacy.ConsentService},
 * {@link dev.kreis.spi.data.ModuleDataSource}) and the CDI events declared here.
 *
 * <p>Stability: stable, unless a type says otherwise.
 */
package dev.kreis.spi.module;
