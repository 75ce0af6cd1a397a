package dev.kreis.platform.security.api;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.validator.routines.EmailValidator;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.MalformedRequestException;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.security.AccountDraft;
import dev.kreis.platform.security.Role;
import dev.kreis.platform.security.PasswordPolicy;
import jakarta.enterprise.context.ApplicationScoped;

/** Validation of account and token requests; every problem names its field. */
@ApplicationScoped
public class SecurityRequests {
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,99}");
    static final int NAME_MAX = 100;

    private final PasswordPolicy passwords;

    SecurityRequests(PasswordPolicy passwords) {
        this.passwords = passwords;
    }

    AccountDraft newAccount(UserRequest request) {
        if (request == null) {
            throw new MalformedRequestException("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String username = request.username() == null ? null : request.username().trim();
        if (username == null || username.isEmpty()) {
            errors.add(new FieldError("username", "is required"));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "must be 2 to 100 lower-case letters, digits or . _ @ -, starting with a letter or digit"));
        }
        if (request.password() == null) {
            errors.add(new FieldError("password", "is required"));
        }
        if (request.roles() == null) {
            errors.add(new FieldError("roles", "is required"));
        }
        if (request.unlock() != null) {
            errors.add(new FieldError("unlock", "applies to existing accounts only"));
        }
        AccountDraft draft = common(request, username, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return draft;
    }

    AccountDraft change(UserRequest request, String currentUsername) {
        if (request == null) {
            throw new MalformedRequestException("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.username() != null && !request.username().equals(currentUsername)) {
            errors.add(new FieldError("username", "cannot be changed; create a new account instead"));
        }
        AccountDraft draft = common(request, currentUsername, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return draft;
    }

    private AccountDraft common(UserRequest request, String username, List<FieldError> errors) {
        Optional<String> password = Optional.ofNullable(request.password());
        password.flatMap(p -> passwords.problem(username, p)).ifPresent(problem -> errors.add(new FieldError("password", problem)));
        Optional<Set<Role>> roles = request.roles() == null ? Optional.empty() : Optional.of(roles(request.roles(), errors));
        Optional<String> displayName = Optional.ofNullable(request.displayName()).map(String::trim);
        displayName.filter(name -> name.length() > 200)
                .ifPresent(name -> errors.add(new FieldError("displayName", "must be at most 200 characters")));
        Optional<String> email = Optional.ofNullable(request.email()).map(e -> e.trim().toLowerCase());
        email.filter(e -> !EmailValidator.getInstance().isValid(e))
                .ifPresent(e -> errors.add(new FieldError("email", "is not an e-mail address")));
        return new AccountDraft(username, password, roles, displayName, email, Optional.ofNullable(request.enabled()),
                Boolean.TRUE.equals(request.unlock()));
    }

    Set<Role> roles(List<String> keys, List<FieldError> errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (keys.isEmpty()) {
            errors.add(new FieldError("roles", "must name at least one role"));
        }
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            Optional<Role> role = key == null ? Optional.empty() : Role.of(key);
            if (role.isEmpty()) {
                errors.add(new FieldError("roles[" + i + "]", "must be one of " + allRoles()));
            } else {
                roles.add(role.get());
            }
        }
        return roles;
    }

    /** A validated token request: name, roles, optional expiry in the future. */
    record TokenDraft(String name, Set<Role> roles, OffsetDateTime expiresAt) {
    }

    TokenDraft token(TokenRequest request, OffsetDateTime now) {
        if (request == null) {
            throw new MalformedRequestException("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? null : request.name().trim();
        if (name == null || name.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > NAME_MAX) {
            errors.add(new FieldError("name", "must be at most " + NAME_MAX + " characters"));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (request.roles() == null) {
            errors.add(new FieldError("roles", "is required"));
        } else {
            roles = roles(request.roles(), errors);
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new TokenDraft(name, roles, request.expiresAt());
    }

    private static String allRoles() {
        return String.join(", ", java.util.Arrays.stream(Role.values()).map(Role::key).toList());
    }
}
