package dev.kreis.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code DELETE} endpoint whose path names a record by {@code {id}}: a caller who holds the endpoint's
 * permission only through the {@code integration} role, and is therefore refused deletions
 * ({@link SettingsAndDeletions}), may make this one when the record is its own, as {@link #value()} decides.
 * Anyone else's record stays refused (403). The deletion is audited like every other.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface IntegrationDeletesOwn {

    /** The bean that says whether a record was created by a caller. */
    Class<? extends OwnedRecords> value();

    /** Whether the record with the given id (as the path gives it) was created by the actor (its principal name). */
    interface OwnedRecords {
        boolean createdBy(String id, String actor);
    }
}
