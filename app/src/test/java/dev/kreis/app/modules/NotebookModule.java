package dev.kreis.app.modules;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import dev.kreis.spi.api.ProblemException;
import dev.kreis.spi.data.ModuleDataSource;
import dev.kreis.spi.kpi.Direction;
import dev.kreis.spi.kpi.KpiAggregations;
import dev.kreis.spi.kpi.KpiComputation;
import dev.kreis.spi.kpi.KpiDefinition;
import dev.kreis.spi.kpi.KpiUnit;
import dev.kreis.spi.module.ConfigProperty;
import dev.kreis.spi.module.DataPolicy;
import dev.kreis.spi.module.KreisModule;
import dev.kreis.spi.module.ModuleContext;
import dev.kreis.spi.module.ModuleDescriptor;
import dev.kreis.spi.module.ModulePermission;
import dev.kreis.spi.touchpoint.Channel;
import dev.kreis.spi.touchpoint.Initiator;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.NewTouchpoint;
import dev.kreis.spi.touchpoint.TouchpointSink;
import dev.kreis.spi.touchpoint.TouchpointTypeDefinition;
import io.quarkus.security.PermissionsAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal module written against the SPI only, for the tests of the module platform: one table
 * ({@code nb_note}, its own Flyway migration), one touchpoint type, one KPI, two permissions, one setting.
 */
@ApplicationScoped
public class NotebookModule implements KreisModule {
    static final String ID = "notebook";
    static final String NOTED = "notebook.noted";
    static final String KPI = "notebook.notes";
    static final AtomicInteger UNINSTALLS = new AtomicInteger();

    private final KpiAggregations aggregations;
    private final ModuleDataSource database;

    NotebookModule(KpiAggregations aggregations, ModuleDataSource database) {
        this.aggregations = aggregations;
        this.database = database;
    }

    @Override
    public ModuleDescriptor descriptor() {
        return new ModuleDescriptor(ID, "Notebook (test)", "1.0.0", ">=0.1.0 <1.0.0", "support", "Notes about customers; tests only.",
                Optional.of("nb_"),
                List.of(new TouchpointTypeDefinition(NOTED, ID, Channel.OTHER, JourneyPhase.RETENTION, Initiator.COMPANY, Optional.empty(),
                        "A note was taken about the customer.")),
                List.of(new KpiDefinition(KPI, "Notes taken", KpiUnit.COUNT, Direction.HIGHER_IS_BETTER, Set.of("support"), false,
                        "Number of notes taken in the period.")),
                List.of(new ModulePermission("notebook:read", Set.of("admin", "cx-manager", "viewer", "support"), "Read notes"),
                        new ModulePermission("notebook:write", Set.of("admin", "support"), "Take notes")),
                List.of(ConfigProperty.integer("maxLength", 200, 1, 200, "Longest note accepted.")),
                List.of());
    }

    @Override
    public KpiComputation computation(KpiDefinition definition) {
        return query -> aggregations.count(query, Set.of(NOTED));
    }

    @Override
    public void onUninstall(ModuleContext context, DataPolicy data) {
        UNINSTALLS.incrementAndGet();
        if (data == DataPolicy.PURGE) {
            try (Connection connection = database.get().getConnection();
                    PreparedStatement delete = connection.prepareStatement("delete from nb_note")) {
                delete.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The module's API. */
    @Path("/api/v1/notebook/notes")
    @Produces(MediaType.APPLICATION_JSON)
    public static class NoteResource {
        private final ModuleDataSource database;
        private final TouchpointSink touchpoints;

        NoteResource(ModuleDataSource database, TouchpointSink touchpoints) {
            this.database = database;
            this.touchpoints = touchpoints;
        }

        @Schema(example = "{\"customerId\": \"5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f\", \"text\": \"Prefers calls in the morning\"}")
        public record NoteRequest(@Schema(required = true, description = "The customer the note is about") UUID customerId,
                @Schema(required = true, minLength = 1, maxLength = 200, description = "The note") String text,
                @Schema(format = "date-time", description = "When it was taken; now when left out") String at) {
        }

        @Schema(example = "{\"id\": \"2b4d6f8a-0c2e-4a6b-8d0f-2a4c6e8b0d2f\", \"customerId\": \"5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f\", \"text\": \"Prefers calls in the morning\"}")
        public record Note(@Schema(required = true) UUID id, @Schema(required = true, description = "The customer it is about") UUID customerId,
                @Schema(required = true) String text) {
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Transactional
        @PermissionsAllowed("notebook:write")
        @Operation(operationId = "takeNote", summary = "Take a note on a customer (test module)")
        @APIResponse(responseCode = "200", description = "The note", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Note.class)))
        @APIResponse(responseCode = "404", description = "The module is not installed or is disabled")
        @APIResponse(responseCode = "422", description = "customerId is missing, or text is not 1 to 200 characters")
        public Note take(NoteRequest request) {
            if (request == null || request.customerId() == null) {
                throw ProblemException.invalid("customerId", "is required");
            }
            if (request.text() == null || request.text().isBlank() || request.text().length() > 200) {
                throw ProblemException.invalid("text", "must be 1 to 200 characters");
            }
            UUID id = UUID.randomUUID();
            Instant at = request.at() == null ? Instant.now() : OffsetDateTime.parse(request.at()).toInstant();
            touchpoints.record(ID, NewTouchpoint.of("note-" + id, request.customerId(), NOTED, at, Map.of("length", request.text().length())));
            try (Connection connection = database.get().getConnection();
                    PreparedStatement insert = connection.prepareStatement("insert into nb_note (id, customer_id, text, created_at) values (?, ?, ?, ?)")) {
                insert.setObject(1, id);
                insert.setObject(2, request.customerId());
                insert.setString(3, request.text());
                insert.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return new Note(id, request.customerId(), request.text());
        }

        @GET
        @PermissionsAllowed("notebook:read")
        @Operation(operationId = "listNotes", summary = "The notes on a customer (test module)")
        @APIResponse(responseCode = "200", description = "The notes, oldest first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(type = SchemaType.ARRAY, implementation = Note.class), examples = @ExampleObject(name = "notes", value = """
                        [{"id": "2b4d6f8a-0c2e-4a6b-8d0f-2a4c6e8b0d2f", "customerId": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f", "text": "Prefers calls in the morning"}]""")))
        @APIResponse(responseCode = "404", description = "The module is not installed or is disabled, or customerId is not a UUID")
        public List<Note> list(@QueryParam("customerId") @Parameter(description = "The customer whose notes to list") UUID customerId) {
            List<Note> notes = new ArrayList<>();
            try (Connection connection = database.get().getConnection();
                    PreparedStatement select = connection.prepareStatement("select id, customer_id, text from nb_note where customer_id = ? order by created_at")) {
                select.setObject(1, customerId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        notes.add(new Note(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return notes;
        }
    }
}
