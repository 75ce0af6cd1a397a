package dev.kreis.platform.module;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.spi.kpi.Direction;
import dev.kreis.spi.kpi.KpiAggregations;
import dev.kreis.spi.kpi.KpiComputation;
import dev.kreis.spi.kpi.KpiDefinition;
import dev.kreis.spi.kpi.KpiUnit;
import dev.kreis.spi.module.AttributeDefinition;
import dev.kreis.spi.module.KreisModule;
import dev.kreis.spi.module.ModuleDescriptor;
import dev.kreis.spi.touchpoint.Channel;
import dev.kreis.spi.touchpoint.CxPyramidLevel;
import dev.kreis.spi.touchpoint.Initiator;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.ScoreScale;
import dev.kreis.spi.touchpoint.TouchpointTypeDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads declarative module descriptors (JSON an admin uploads to {@code POST /api/v1/modules}) into modules:
 * touchpoint types, custom attributes and KPIs built from the engine's aggregations. Every problem is
 * reported at once with its JSON path; nothing is registered until the whole descriptor is valid.
 */
@ApplicationScoped
public class DeclarativeModules {
    static final int MAX_TYPES = 50;
    static final int MAX_KPIS = 50;
    static final int MAX_ATTRIBUTES = 50;
    static final int MAX_FORMULA_TYPES = 20;
    private static final Set<String> TOP_LEVEL = Set.of("id", "name", "version", "coreVersions", "department", "description",
            "touchpointTypes", "attributes", "kpis");

    /** What a KPI of a declarative module computes. */
    public enum Aggregation {
        COUNT, CUSTOMERS, SUM, AVERAGE_AMOUNT, AVERAGE_SCORE, RATIO, NPS, CSAT, CES;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final KpiAggregations aggregations;

    DeclarativeModules(KpiAggregations aggregations) {
        this.aggregations = aggregations;
    }

    /**
     * The module the descriptor describes.
     *
     * @throws InvalidInputException naming every field that is wrong
     */
    public RegisteredModule parse(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object: the module descriptor");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!TOP_LEVEL.contains(name)) {
                errors.add(new FieldError(name, "is not a descriptor field; known: " + new java.util.TreeSet<>(TOP_LEVEL)));
            }
        }
        String id = text(body, "id", errors, 32);
        String name = text(body, "name", errors, 100);
        String version = text(body, "version", errors, 64);
        String coreVersions = text(body, "coreVersions", errors, 100);
        String department = text(body, "department", errors, 64);
        String description = optionalText(body, "description", errors, 1000).orElse("");
        if (id != null && !ModuleDescriptor.ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "must be lower case, a letter then 1 to 31 letters, digits or '-'"));
            id = null;
        }
        if (version != null && !ModuleDescriptor.SEMVER.matcher(version).matches()) {
            errors.add(new FieldError("version", "must be a semantic version such as 1.0.0"));
        }
        if (coreVersions != null && !validRange(coreVersions)) {
            errors.add(new FieldError("coreVersions", "must be a version range such as '>=0.1.0 <1.0.0'"));
        }
        if (department != null && !KpiDefinition.DEPARTMENT.matcher(department).matches()) {
            errors.add(new FieldError("department", "must be lower case, a letter then letters, digits, '_' or '-'"));
        }
        String owner = id;
        List<TouchpointTypeDefinition> types = list(body, "touchpointTypes", MAX_TYPES, errors, (node, path) -> type(node, path, owner, errors));
        List<AttributeDefinition> attributes = list(body, "attributes", MAX_ATTRIBUTES, errors, (node, path) -> attribute(node, path, owner, errors));
        Map<KpiDefinition, Formula> kpis = new LinkedHashMap<>();
        list(body, "kpis", MAX_KPIS, errors, (node, path) -> {
            kpi(node, path, owner, department, types, errors).ifPresent(entry -> kpis.put(entry.getKey(), entry.getValue()));
            return null;
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ModuleDescriptor descriptor;
        try {
            descriptor = new ModuleDescriptor(id, name, version, coreVersions, department, description, Optional.empty(), types,
                    List.copyOf(kpis.keySet()), List.of(), List.of(), attributes);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            throw colon > 0 ? new InvalidInputException(message.substring(0, colon), message.substring(colon + 2))
                    : new InvalidInputException("body", message);
        }
        return new RegisteredModule(descriptor, new DeclarativeModule(descriptor, kpis, aggregations), RegisteredModule.Origin.DECLARATIVE);
    }

    private static boolean validRange(String range) {
        try {
            return range.matches("[0-9<>=~^*xX.| \\-]{1,100}") && range.chars().anyMatch(Character::isDigit)
                    && !org.semver4j.RangesListFactory.create(range).get().isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private TouchpointTypeDefinition type(JsonNode node, String path, String owner, List<FieldError> errors) {
        int before = errors.size();
        String key = text(node, "key", path, errors, 100);
        Optional<JourneyPhase> phase = wire(node, "phase", path, errors, JourneyPhase::fromWire, JourneyPhase.values(), true);
        Optional<Channel> channel = wire(node, "channel", path, errors, Channel::fromWire, Channel.values(), false);
        Optional<Initiator> initiator = wire(node, "initiator", path, errors, Initiator::fromWire, Initiator.values(), false);
        Optional<ScoreScale> scale = wire(node, "scoreScale", path, errors, ScoreScale::fromWire, ScoreScale.values(), false);
        Optional<CxPyramidLevel> level = wire(node, "pyramidLevel", path, errors, CxPyramidLevel::fromWire, CxPyramidLevel.values(), false);
        String description = optionalText(node, "description", path, errors, 500).orElse("");
        if (key != null && owner != null && (!key.startsWith(owner + ".") || !TouchpointTypeDefinition.KEY.matcher(key).matches())) {
            errors.add(new FieldError(path + ".key", "must be '" + owner + ".<name>' in lower case (letters, digits, '_')"));
        }
        if (errors.size() > before || owner == null) {
            return null;
        }
        return new TouchpointTypeDefinition(key, owner, channel.orElse(Channel.OTHER), phase.orElseThrow(), initiator.orElse(Initiator.CUSTOMER),
                scale, description, level);
    }

    private AttributeDefinition attribute(JsonNode node, String path, String owner, List<FieldError> errors) {
        int before = errors.size();
        String key = text(node, "key", path, errors, 100);
        Optional<AttributeDefinition.Type> type = wire(node, "type", path, errors,
                w -> Arrays.stream(AttributeDefinition.Type.values()).filter(t -> t.name().toLowerCase(Locale.ROOT).equals(w)).findFirst(),
                AttributeDefinition.Type.values(), true);
        String description = optionalText(node, "description", path, errors, 500).orElse("");
        if (key != null && owner != null && (!key.startsWith(owner + ".") || !AttributeDefinition.KEY.matcher(key).matches())) {
            errors.add(new FieldError(path + ".key", "must be '" + owner + ".<name>' in lower case (letters, digits, '_')"));
        }
        if (errors.size() > before || owner == null) {
            return null;
        }
        return new AttributeDefinition(key, type.orElseThrow(), description);
    }

    private Optional<Map.Entry<KpiDefinition, Formula>> kpi(JsonNode node, String path, String owner, String department,
            List<TouchpointTypeDefinition> ownTypes, List<FieldError> errors) {
        int before = errors.size();
        String key = text(node, "key", path, errors, 64);
        String name = text(node, "name", path, errors, 100);
        String description = optionalText(node, "description", path, errors, 500).orElse("");
        Optional<Aggregation> aggregation = wire(node, "aggregation", path, errors,
                w -> Arrays.stream(Aggregation.values()).filter(a -> a.wire().equals(w)).findFirst(), Aggregation.values(), true);
        Optional<KpiUnit> unit = wire(node, "unit", path, errors, KpiUnit::fromWire, KpiUnit.values(), false);
        Optional<Direction> direction = wire(node, "direction", path, errors, Direction::fromWire, Direction.values(), false);
        boolean shared = node.path("shared").asBoolean(false);
        if (node.has("shared") && !node.get("shared").isBoolean()) {
            errors.add(new FieldError(path + ".shared", "must be true or false"));
        }
        Set<String> owners = new LinkedHashSet<>();
        JsonNode ownerNode = node.get("ownerDepartments");
        if (ownerNode == null || ownerNode.isNull()) {
            if (department != null) {
                owners.add(department);
            }
        } else if (!ownerNode.isArray() || ownerNode.isEmpty() || ownerNode.size() > 10) {
            errors.add(new FieldError(path + ".ownerDepartments", "must be a list of 1 to 10 department names"));
        } else {
            for (int i = 0; i < ownerNode.size(); i++) {
                String d = ownerNode.get(i).asText("");
                if (!ownerNode.get(i).isTextual() || !KpiDefinition.DEPARTMENT.matcher(d).matches()) {
                    errors.add(new FieldError(path + ".ownerDepartments[" + i + "]", "must be a lower-case department name"));
                }
                owners.add(d);
            }
        }
        String prefix = owner == null ? null : owner.replace('-', '_') + ".";
        if (key != null && prefix != null && (!key.startsWith(prefix) || !KpiDefinition.KEY.matcher(key).matches())) {
            errors.add(new FieldError(path + ".key", "must be '" + prefix + "<name>', lower case letters, digits, '_' or '.', at most 64"));
        }
        Set<String> known = new LinkedHashSet<>();
        ownTypes.stream().filter(java.util.Objects::nonNull).forEach(t -> known.add(t.key()));
        Formula formula = null;
        if (aggregation.isPresent()) {
            Aggregation a = aggregation.get();
            if (a == Aggregation.RATIO) {
                Set<String> numerator = typeList(node, "numerator", path, errors);
                Set<String> denominator = typeList(node, "denominator", path, errors);
                formula = new Formula(a, numerator, denominator);
            } else {
                formula = new Formula(a, typeList(node, "types", path, errors), Set.of());
            }
        }
        if (errors.size() > before || owner == null) {
            return Optional.empty();
        }
        KpiUnit defaultUnit = switch (aggregation.get()) {
            case COUNT, CUSTOMERS -> KpiUnit.COUNT;
            case SUM, AVERAGE_AMOUNT -> KpiUnit.MONEY;
            case RATIO, CSAT -> KpiUnit.PERCENT;
            case NPS, CES, AVERAGE_SCORE -> KpiUnit.SCORE;
        };
        try {
            KpiDefinition definition = new KpiDefinition(key, name, unit.orElse(defaultUnit), direction.orElse(Direction.HIGHER_IS_BETTER), owners,
                    shared, description.isEmpty() ? aggregation.get().wire() + " over " + formula.types() : description);
            return Optional.of(Map.entry(definition, formula));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(path, e.getMessage()));
            return Optional.empty();
        }
    }

    private static Set<String> typeList(JsonNode node, String field, String path, List<FieldError> errors) {
        JsonNode list = node.get(field);
        Set<String> types = new LinkedHashSet<>();
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_FORMULA_TYPES) {
            errors.add(new FieldError(path + "." + field, "must be a list of 1 to " + MAX_FORMULA_TYPES + " touchpoint type keys"));
            return types;
        }
        for (int i = 0; i < list.size(); i++) {
            String key = list.get(i).asText("");
            if (!list.get(i).isTextual() || !TouchpointTypeDefinition.KEY.matcher(key).matches()) {
                errors.add(new FieldError(path + "." + field + "[" + i + "]", "must be a touchpoint type key such as events.attended"));
            }
            types.add(key);
        }
        return types;
    }

    /** How a declarative KPI is computed: an aggregation over touchpoint types. */
    public record Formula(Aggregation aggregation, Set<String> types, Set<String> denominator) {
    }

    /** The platform's implementation of a declarative module: no tables, no hooks, KPIs from formulas. */
    static final class DeclarativeModule implements KreisModule {
        private final ModuleDescriptor descriptor;
        private final Map<String, Formula> formulas = new LinkedHashMap<>();
        private final KpiAggregations aggregations;

        DeclarativeModule(ModuleDescriptor descriptor, Map<KpiDefinition, Formula> kpis, KpiAggregations aggregations) {
            this.descriptor = descriptor;
            this.aggregations = aggregations;
            kpis.forEach((definition, formula) -> formulas.put(definition.key(), formula));
        }

        @Override
        public ModuleDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public KpiComputation computation(KpiDefinition definition) {
            Formula formula = formulas.get(definition.key());
            if (formula == null) {
                throw new IllegalArgumentException("module " + descriptor.id() + " has no KPI " + definition.key());
            }
            return query -> switch (formula.aggregation()) {
                case COUNT -> aggregations.count(query, formula.types());
                case CUSTOMERS -> aggregations.customers(query, formula.types());
                case SUM -> aggregations.sum(query, formula.types());
                case AVERAGE_AMOUNT -> aggregations.averageAmount(query, formula.types());
                case AVERAGE_SCORE -> aggregations.averageScore(query, formula.types());
                case RATIO -> aggregations.ratio(query, formula.types(), formula.denominator());
                case NPS -> aggregations.nps(query, formula.types());
                case CSAT -> aggregations.csat(query, formula.types());
                case CES -> aggregations.ces(query, formula.types());
            };
        }
    }

    // --- JSON helpers, each adding a FieldError with the path when the value is wrong.

    private static String text(JsonNode node, String field, List<FieldError> errors, int max) {
        return text(node, field, "", errors, max);
    }

    private static String text(JsonNode node, String field, String path, List<FieldError> errors, int max) {
        String where = path.isEmpty() ? field : path + "." + field;
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isTextual() || value.asText().isBlank()) {
            errors.add(new FieldError(where, "is required (a string)"));
            return null;
        }
        if (value.asText().length() > max) {
            errors.add(new FieldError(where, "must be at most " + max + " characters"));
            return null;
        }
        return value.asText();
    }

    private static Optional<String> optionalText(JsonNode node, String field, List<FieldError> errors, int max) {
        return optionalText(node, field, "", errors, max);
    }

    private static Optional<String> optionalText(JsonNode node, String field, String path, List<FieldError> errors, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.ofNullable(text(node, field, path, errors, max));
    }

    private static <E extends Enum<E>> Optional<E> wire(JsonNode node, String field, String path, List<FieldError> errors,
            Function<String, Optional<E>> parse, E[] values, boolean required) {
        String where = path + "." + field;
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldError(where, "is required; one of " + names(values)));
            }
            return Optional.empty();
        }
        Optional<E> parsed = value.isTextual() ? parse.apply(value.asText()) : Optional.empty();
        if (parsed.isEmpty()) {
            errors.add(new FieldError(where, "must be one of " + names(values)));
        }
        return parsed;
    }

    private static <E extends Enum<E>> List<String> names(E[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }

    private interface Item<T> {
        T read(JsonNode node, String path);
    }

    private static <T> List<T> list(JsonNode body, String field, int max, List<FieldError> errors, Item<T> item) {
        JsonNode list = body.get(field);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray() || list.size() > max) {
            errors.add(new FieldError(field, "must be a list of at most " + max));
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = field + "[" + i + "]";
            if (!list.get(i).isObject()) {
                errors.add(new FieldError(path, "must be an object"));
                continue;
            }
            T value = item.read(list.get(i), path);
            if (value != null) {
                result.add(value);
            }
        }
        return result;
    }
}
