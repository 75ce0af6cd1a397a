package dev.kreis.platform.kpi.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.MalformedRequestException;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.kpi.AtRiskBand;
import dev.kreis.platform.kpi.TargetDraft;
import dev.kreis.spi.kpi.KpiDefinition;

/**
 * Validates a target body: {@code {"value", "from?", "to?", "owners": [...], "shared", "atRisk?": {"kind", "width"}}}.
 * Every invalid field is reported at once (422); a body that is not a JSON object is malformed (400).
 */
final class TargetRequests {
    private TargetRequests() {
    }

    static TargetDraft validate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new MalformedRequestException("the body must be a JSON object with value, owners and shared");
        }
        List<FieldError> errors = new ArrayList<>();
        BigDecimal value = null;
        JsonNode valueNode = body.get("value");
        if (valueNode == null || valueNode.isNull()) {
            errors.add(new FieldError("value", "is required: the target in the KPI's unit"));
        } else if (!valueNode.isNumber()) {
            errors.add(new FieldError("value", "must be a number"));
        } else {
            value = valueNode.decimalValue();
        }
        Optional<LocalDate> from = date(body, "from", errors);
        Optional<LocalDate> to = date(body, "to", errors);
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            errors.add(new FieldError("from", "must be before to; the target applies to [from, to)"));
        }
        Set<String> owners = new LinkedHashSet<>();
        JsonNode ownersNode = body.get("owners");
        if (ownersNode == null || !ownersNode.isArray() || ownersNode.isEmpty()) {
            errors.add(new FieldError("owners", "must be a non-empty array of departments such as [\"sales\", \"support\"]"));
        } else {
            for (int i = 0; i < ownersNode.size(); i++) {
                JsonNode owner = ownersNode.get(i);
                if (!owner.isTextual() || !KpiDefinition.DEPARTMENT.matcher(owner.asText()).matches()) {
                    errors.add(new FieldError("owners[" + i + "]", "must be a department: lower case, starting with a letter,"
                            + " then letters, digits, '_' or '-'"));
                } else {
                    owners.add(owner.asText());
                }
            }
        }
        JsonNode sharedNode = body.get("shared");
        if (sharedNode == null || !sharedNode.isBoolean()) {
            errors.add(new FieldError("shared", "is required: true or false"));
        }
        AtRiskBand band = band(body.get("atRisk"), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new TargetDraft(value, from, to, owners, sharedNode.booleanValue(), band);
    }

    private static Optional<LocalDate> date(JsonNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a date such as 2031-01-01"));
            return Optional.empty();
        }
        try {
            return KpiParams.day(field, node.asText());
        } catch (MalformedRequestException e) {
            errors.add(new FieldError(field, "must be a date such as 2031-01-01"));
            return Optional.empty();
        }
    }

    private static AtRiskBand band(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return AtRiskBand.DEFAULT;
        }
        JsonNode kind = node.get("kind");
        JsonNode width = node.get("width");
        boolean valid = true;
        if (kind == null || !kind.isTextual() || !(kind.asText().equals("percent_of_target") || kind.asText().equals("absolute"))) {
            errors.add(new FieldError("atRisk.kind", "must be percent_of_target or absolute"));
            valid = false;
        }
        if (width == null || !width.isNumber() || width.decimalValue().signum() < 0) {
            errors.add(new FieldError("atRisk.width", "must be a number, 0 or more"));
            valid = false;
        }
        if (!valid) {
            return AtRiskBand.DEFAULT;
        }
        return kind.asText().equals("absolute") ? AtRiskBand.absolute(width.decimalValue()) : AtRiskBand.percentOfTarget(width.decimalValue());
    }
}
