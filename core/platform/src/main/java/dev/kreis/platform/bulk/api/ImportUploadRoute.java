package dev.kreis.platform.bulk.api;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.api.Problem;
import dev.kreis.platform.bulk.ImportConfig;
import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The import upload's own streaming path. Every other request is held to {@code quarkus.http.limits.max-body-size}
 * (20 MB, chunked bodies included); {@code POST /api/v1/imports} as {@code multipart/form-data} is read here
 * instead, before that limit applies: the parts are streamed to files in {@code <kreis.imports.directory>/incoming}
 * while the bytes are counted, and once the body passes {@code kreis.imports.max-file-size} (plus room for the spec
 * part) the request is answered 413 at once and the partly written file deleted. The resource
 * ({@link ImportResource#start}) then takes the parts from the routing context; a file it does not keep is deleted
 * when the request ends.
 * <p>
 * Only a caller who may import is read: an anonymous caller or one without {@code imports:write} is passed on
 * unread, so the resource answers 401/403 without the server storing the body first.
 */
@Singleton
public class ImportUploadRoute {
    static final String PATH = "/api/v1/imports";
    static final String READ = "kreis.import-upload.read";
    private static final long SPEC_ROOM = 1024 * 1024;

    private final ImportConfig config;
    private final ObjectMapper json;

    ImportUploadRoute(ImportConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void install(@Observes Router router) {
        long limit = config.maxFileSize().asLongValue() + SPEC_ROOM;
        BodyHandler body = BodyHandler.create(Path.of(config.directory()).resolve("incoming").toString())
                .setBodyLimit(limit).setHandleFileUploads(true).setDeleteUploadedFilesOnEnd(true).setMergeFormAttributes(false)
                .setPreallocateBodyBuffer(false);
        // Before Quarkus' own limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT = -2), after BodySizeLimit's declared-length check.
        router.route(HttpMethod.POST, PATH).order(-10).consumes("multipart/form-data").handler(context -> {
            io.vertx.core.Context loop = io.vertx.core.Vertx.currentContext();
            context.request().pause();
            mayImport(context).emitOn(task -> loop.runOnContext(v -> task.run())).subscribe().with(allowed -> {
                if (!allowed) {
                    context.request().resume();
                    context.next();
                    return;
                }
                context.put(READ, Boolean.TRUE);
                body.handle(context);
            }, failure -> {
                context.request().resume();
                context.next();
            });
        }).handler(context -> {
            // The body has been read and stored: nothing is left for a later limit to count.
            context.request().headers().remove(HttpHeaders.CONTENT_LENGTH);
            context.request().headers().remove(HttpHeaders.TRANSFER_ENCODING);
            context.next();
        }).failureHandler(context -> {
            if (context.response().ended()) {
                return; // answered already (the 413 below); a cancelled upload reporting its closed pipe changes nothing
            }
            if (context.statusCode() != 413) {
                context.next();
                return;
            }
            Problem problem = Problem.of(413, "payload-too-large", "Payload too large",
                    "file: the file may have at most " + config.maxFileSize().asLongValue() + " bytes", List.of());
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close").end(write(problem));
        });
    }

    private static Uni<Boolean> mayImport(RoutingContext context) {
        Uni<SecurityIdentity> identity = QuarkusHttpUser.getSecurityIdentity(context, null);
        if (identity == null) {
            return Uni.createFrom().item(Boolean.FALSE);
        }
        return identity.onItem().transformToUni(i -> i == null || i.isAnonymous() ? Uni.createFrom().item(Boolean.FALSE)
                : i.checkPermission(new StringPermission("imports", "write"))) // Permissions.IMPORTS_WRITE
                .onFailure().recoverWithItem(Boolean.FALSE);
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
