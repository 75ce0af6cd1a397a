package dev.kreis.platform.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.api.ConflictProblem;
import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.api.PayloadTooLargeProblem;
import dev.kreis.platform.api.TooManyRequestsProblem;
import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.bulk.persistence.ImportRepository;
import dev.kreis.platform.bulk.persistence.ImportRow;
import dev.kreis.platform.bulk.persistence.MappingRepository;
import dev.kreis.platform.bulk.persistence.MappingRepository.MappingRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Starting, following and cancelling imports, and the saved mappings they may use. An import is
 * accepted only when its spec is valid and the file's header has every mapped column, so most mistakes
 * answer at once instead of as a failed import later.
 */
@ApplicationScoped
public class Imports {
    private static final java.util.regex.Pattern MAPPING_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final ImportRepository imports;
    private final MappingRepository mappings;
    private final ImportFiles files;
    private final ImportConfig config;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    Imports(ImportRepository imports, MappingRepository mappings, ImportFiles files, ImportConfig config, AuditLog audit, ObjectMapper json,
            Clock clock) {
        this.imports = imports;
        this.mappings = mappings;
        this.files = files;
        this.config = config;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** The uploaded file, already on disk: where it lies, the name the client gave it and its size. */
    public record Upload(Path path, String fileName, long size) {
    }

    /** What an audit entry of an import records: no rows, no personal data. */
    public record ImportAudit(UUID id, String kind, String source, boolean dryRun, String fileName, long fileBytes, String status) {
    }

    /** Validates the spec and the file's header, keeps the file and queues the import. */
    public ImportRow start(ImportSpec sent, Upload upload, String actor) {
        if (upload == null || upload.path() == null) {
            throw new InvalidInputException("file", "is required: the CSV file as a multipart part named file");
        }
        if (upload.size() > config.maxFileSize().asLongValue()) {
            throw new PayloadTooLargeProblem("file", "the file may have at most " + config.maxFileSize().asLongValue() + " bytes");
        }
        ImportSpec spec = withSavedMapping(sent);
        ImportPlan plan = ImportPlan.of(spec);
        checkHeader(plan, upload.path());
        if (imports.activeOf(actor) >= config.maxActivePerCaller()) {
            throw new TooManyRequestsProblem("You have " + config.maxActivePerCaller() + " imports queued or running; start another"
                    + " when one has ended", 60);
        }
        UUID id = UUID.randomUUID();
        Path kept = files.keep(id, upload.path());
        ImportRow row = new ImportRow(id, plan.kind().wire(), plan.source(), plan.dryRun(), write(spec), upload.fileName(), kept.toString(),
                upload.size(), ImportStatus.QUEUED.wire(), ImportRow.Counts.NONE, 0, null, actor, OffsetDateTime.now(clock), null, null, 0,
                null, null);
        QuarkusTransaction.requiringNew().run(() -> {
            imports.insert(row);
            audit.record(actor, "import.started", "import", id.toString(), null, auditOf(row));
        });
        return row;
    }

    public ImportRow get(UUID id) {
        return imports.find(id).orElseThrow(() -> new NotFoundProblem("import", id));
    }

    public Page<ImportRow> list(Cursor cursor, int limit) {
        List<ImportRow> rows = imports.list(cursor == null ? null : cursor.time(), cursor == null ? null : cursor.id(), limit + 1);
        return Page.of(rows, limit, r -> Cursor.after(r.createdAt(), r.id()));
    }

    /** Cancels a queued or running import: the chunk being written finishes, nothing after it is. 409 once it ended. */
    public ImportRow cancel(UUID id, String actor) {
        ImportRow before = get(id);
        boolean cancelled = QuarkusTransaction.requiringNew().call(() -> {
            if (!imports.cancel(id, OffsetDateTime.now(clock))) {
                return false;
            }
            audit.record(actor, "import.cancelled", "import", id.toString(), auditOf(before), auditOf(get(id)));
            return true;
        });
        if (!cancelled) {
            throw new ConflictProblem("Import " + id + " has already ended: " + get(id).status());
        }
        ImportFiles.delete(Path.of(before.filePath()));
        return get(id);
    }

    /** The rejected rows in row order, one at a time. */
    public void errors(UUID id, Consumer<RowProblem> each) {
        get(id);
        imports.errors(id, each);
    }

    public List<MappingRow> mappings() {
        return mappings.all();
    }

    public MappingRow mapping(String name) {
        return mappings.find(name).orElseThrow(() -> new NotFoundProblem("import mapping", name));
    }

    /** Saves a mapping under a name (the spec is validated as an import's would be); answers whether it is new. */
    public boolean saveMapping(String name, ImportSpec spec, String actor) {
        if (name == null || !MAPPING_NAME.matcher(name).matches()) {
            throw new InvalidInputException("name", "must be 1-100 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        ImportPlan.of(spec);
        MappingRow row = new MappingRow(name, write(spec), actor, OffsetDateTime.now(clock));
        return QuarkusTransaction.requiringNew().call(() -> {
            MappingRow before = mappings.find(name).orElse(null);
            boolean created = mappings.save(row);
            audit.record(actor, "import-mapping.saved", "import-mapping", name, before == null ? null : Map.of("spec", before.spec()),
                    Map.of("spec", row.spec()));
            return created;
        });
    }

    public void deleteMapping(String name, String actor) {
        MappingRow before = mapping(name);
        QuarkusTransaction.requiringNew().run(() -> {
            mappings.delete(name);
            audit.record(actor, "import-mapping.deleted", "import-mapping", name, Map.of("spec", before.spec()), null);
        });
    }

    /** The spec a stored mapping holds. */
    public ImportSpec specOf(MappingRow row) {
        try {
            return json.readValue(row.spec(), ImportSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored mapping is not a spec", e);
        }
    }

    private ImportSpec withSavedMapping(ImportSpec spec) {
        if (spec == null || spec.mapping() == null) {
            return spec;
        }
        MappingRow saved = mappings.find(spec.mapping())
                .orElseThrow(() -> new InvalidInputException("spec.mapping", "no saved mapping named '" + spec.mapping() + "'"));
        return spec.withMapping(specOf(saved));
    }

    private static void checkHeader(ImportPlan plan, Path file) {
        try (CsvFile csv = CsvFile.open(file, plan)) {
            new ImportRows(plan, csv.header(), csv.delimiter());
        } catch (UnreadableFileException e) {
            throw new InvalidInputException("file", e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("file", "cannot be read as CSV: " + e.getMessage());
        }
    }

    private static ImportAudit auditOf(ImportRow row) {
        return new ImportAudit(row.id(), row.kind(), row.source(), row.dryRun(), row.fileName(), row.fileBytes(), row.status());
    }

    private String write(ImportSpec spec) {
        try {
            return json.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
