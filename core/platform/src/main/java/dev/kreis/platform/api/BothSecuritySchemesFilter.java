package dev.kreis.platform.api;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Quarkus marks each secured operation with the first security scheme only; every secured operation
 * accepts both HTTP Basic and bearer tokens, so the document says so. Public operations keep no
 * requirement, and so do operations that declare an empty one (a signed webhook). Registered with {@code mp.openapi.filter}.
 */
public class BothSecuritySchemesFilter implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.getSchemes() != null && !requirement.getSchemes().isEmpty())) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("basic"),
                    OASFactory.createSecurityRequirement().addScheme("bearer")));
        }
        return operation;
    }
}
