package dev.kreis.spi.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as the JSON request body of a module endpoint. One declaration gives the document, the
 * validation and the error messages: the record's components (Jackson names, Bean Validation constraints and
 * MicroProfile OpenAPI {@code @Schema}) are what {@code /q/openapi} shows, what the platform checks and what its
 * problem answers name.
 *
 * <p>The platform reads such a body strictly and answers every fault as an RFC 9457 problem whose
 * {@code errors[].field} is the field's path in the body (e.g. {@code items[2].amount}):
 * <ul>
 * <li>400 when the body is not JSON or not a JSON object (field {@code body});</li>
 * <li>422 for a field the record does not declare, or a value of the wrong type or format (a string where a
 * number is declared, a number where a string is declared, an unknown enum value, a malformed id, date or
 * timestamp) — nothing is coerced;</li>
 * <li>422 for every violated constraint (the resource method's parameter carries {@code @Valid}), all fields at
 * once, with the constraint's message.</li>
 * </ul>
 * <p>Rules the constraints cannot express (across fields, against the clock or stored data) are collected in a
 * {@link FieldProblems} and answered the same way.
 *
 * <p>A component declared {@link java.util.Optional} tells "absent" from "sent as null", as a PATCH body needs: it is
 * {@code null} when the field is absent (leave the value as it is) and {@link java.util.Optional#empty()} when the
 * field is JSON {@code null} (clear the value). Its constraints apply to the value inside: declare them with
 * {@code payload = jakarta.validation.valueextraction.Unwrapping.Unwrap.class} (a {@code @NotNull} so declared refuses
 * an explicit null but lets the field be absent), or on the type argument ({@code Optional<@Valid Audience>}).
 * An empty body arrives as {@code null}: a resource whose body is required answers
 * {@link ProblemException#missingBody()}; one whose body is optional substitutes its default.
 *
 * <p>Thread-safety: not applicable. Stability: stable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JsonRequest {
}
