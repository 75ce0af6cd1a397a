package dev.kreis.spi.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint (a method, or every writing method of a class) that changes a setting or policy
 * rather than records data: an SLA policy, a rule, a survey definition. The platform audits every
 * successful such change, whoever makes it, and refuses it to callers who hold the endpoint's
 * permission only through the {@code integration} role — as it does with every deletion.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ChangesSettings {
}
