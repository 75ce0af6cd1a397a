package dev.kreis.platform.signal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kreis.platform.api.JsonPaths;
import dev.kreis.platform.api.Problem.FieldError;

/**
 * A rule's condition and action as JSON, both ways: the API reads them with every invalid field named,
 * storage keeps the same JSON. Checks that need the touchpoint type registry are the API's.
 */
public final class RuleJson {
    public static final Pattern DEPARTMENT = Pattern.compile("[a-z][a-z0-9-]{1,63}");
    public static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    public static final Pattern EVENT_NAME = Pattern.compile("[a-z][a-z0-9_.-]{0,99}");
    public static final int MAX_TITLE = 200;
    public static final int MAX_COUNT = 1000;
    static final Duration MIN_PERIOD = Duration.ofHours(1);
    static final Duration MAX_PERIOD = Duration.ofDays(366);

    private RuleJson() {
    }

    /** The {@code kind} of a required condition or action object, or null after naming what is wrong. */
    private static String kindOf(JsonNode node, String path, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError(path, "is required"));
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldError(path, "must be an object"));
            return null;
        }
        return text(node, "kind", JsonPaths.child(path, "kind"), errors, true);
    }

    public static Condition condition(JsonNode node, String path, List<FieldError> errors) {
        String kind = kindOf(node, path, errors);
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "score_range" -> {
                BigDecimal min = number(node, "min", JsonPaths.child(path, "min"), errors);
                BigDecimal max = number(node, "max", JsonPaths.child(path, "max"), errors);
                if (min == null && max == null && !node.hasNonNull("min") && !node.hasNonNull("max")) {
                    errors.add(new FieldError(JsonPaths.child(path, "min"), "give min, max or both"));
                } else if (min != null && max != null && min.compareTo(max) > 0) {
                    errors.add(new FieldError(JsonPaths.child(path, "max"), "must not be below min"));
                }
                yield new Condition.ScoreRange(min, max);
            }
            case "count_within" -> {
                Integer count = wholeNumber(node, "count", JsonPaths.child(path, "count"), errors);
                Duration window = period(node, "window", JsonPaths.child(path, "window"), errors);
                yield count == null || window == null ? null : new Condition.CountWithin(count, window);
            }
            case "absence" -> {
                Duration period = period(node, "period", JsonPaths.child(path, "period"), errors);
                yield period == null ? null : new Condition.Absence(period);
            }
            default -> {
                errors.add(new FieldError(JsonPaths.child(path, "kind"), "must be one of score_range, count_within, absence"));
                yield null;
            }
        };
    }

    public static Action action(JsonNode node, String path, List<FieldError> errors) {
        String kind = kindOf(node, path, errors);
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "task" -> {
                String department = matching(node, "department", path, DEPARTMENT,
                        "must be a department: 2-64 lower-case letters, digits and '-', such as support", errors);
                String priorityText = text(node, "priority", JsonPaths.child(path, "priority"), errors, false);
                TaskPriority priority = priorityText == null ? TaskPriority.NORMAL : TaskPriority.fromWire(priorityText).orElse(null);
                if (priority == null) {
                    errors.add(new FieldError(JsonPaths.child(path, "priority"), "must be one of low, normal, high, urgent"));
                }
                String title = text(node, "title", JsonPaths.child(path, "title"), errors, true);
                if (title != null && title.length() > MAX_TITLE) {
                    errors.add(new FieldError(JsonPaths.child(path, "title"), "must be at most " + MAX_TITLE + " characters"));
                }
                yield department == null || priority == null || title == null ? null : new Action.OpenTask(department, priority, title);
            }
            case "tag" -> {
                String tag = matching(node, "tag", path, TAG,
                        "must be 1-64 lower-case letters, digits, '_' and '-', such as at-risk", errors);
                yield tag == null ? null : new Action.TagCustomer(tag);
            }
            case "event" -> {
                String name = matching(node, "name", path, EVENT_NAME,
                        "must be 1-100 lower-case letters, digits, '_', '-' and '.', starting with a letter", errors);
                yield name == null ? null : new Action.RaiseEvent(name);
            }
            default -> {
                errors.add(new FieldError(JsonPaths.child(path, "kind"), "must be one of task, tag, event"));
                yield null;
            }
        };
    }

    public static ObjectNode write(Condition condition) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", condition.kind());
        if (condition instanceof Condition.ScoreRange range) {
            if (range.min() != null) {
                node.put("min", range.min());
            }
            if (range.max() != null) {
                node.put("max", range.max());
            }
        } else if (condition instanceof Condition.CountWithin count) {
            node.put("count", count.count());
            node.put("window", format(count.window()));
        } else if (condition instanceof Condition.Absence absence) {
            node.put("period", format(absence.period()));
        }
        return node;
    }

    public static ObjectNode write(Action action) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", action.kind());
        if (action instanceof Action.OpenTask task) {
            node.put("department", task.department());
            node.put("priority", task.priority().wire());
            node.put("title", task.title());
        } else if (action instanceof Action.TagCustomer tag) {
            node.put("tag", tag.tag());
        } else if (action instanceof Action.RaiseEvent event) {
            node.put("name", event.name());
        }
        return node;
    }

    /** Whole days as {@code P7D}, anything else as ISO-8601 hours and minutes ({@code PT36H}). */
    public static String format(Duration duration) {
        if (duration.toHours() % 24 == 0 && duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) {
            return "P" + duration.toDays() + "D";
        }
        return duration.toString();
    }

    private static String matching(JsonNode node, String field, String path, Pattern pattern, String message, List<FieldError> errors) {
        String value = text(node, field, JsonPaths.child(path, field), errors, true);
        if (value != null && !pattern.matcher(value).matches()) {
            errors.add(new FieldError(JsonPaths.child(path, field), message));
            return null;
        }
        return value;
    }

    private static String text(JsonNode node, String field, String path, List<FieldError> errors, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldError(path, "is required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(path, "must be a string"));
            return null;
        }
        String text = value.asText().trim();
        if (text.isEmpty() && required) {
            errors.add(new FieldError(path, "is required"));
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    private static BigDecimal number(JsonNode node, String field, String path, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            errors.add(new FieldError(path, "must be a number"));
            return null;
        }
        return value.decimalValue();
    }

    private static Integer wholeNumber(JsonNode node, String field, String path, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            errors.add(new FieldError(path, "is required"));
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1 || value.intValue() > MAX_COUNT) {
            errors.add(new FieldError(path, "must be a whole number from 1 to " + MAX_COUNT));
            return null;
        }
        return value.intValue();
    }

    private static Duration period(JsonNode node, String field, String path, List<FieldError> errors) {
        String text = text(node, field, path, errors, true);
        if (text == null) {
            return null;
        }
        String message = "must be an ISO-8601 duration from PT1H to P366D, such as P7D or PT12H";
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(path, message));
            return null;
        }
        if (duration.compareTo(MIN_PERIOD) < 0 || duration.compareTo(MAX_PERIOD) > 0) {
            errors.add(new FieldError(path, message));
            return null;
        }
        return duration;
    }
}
