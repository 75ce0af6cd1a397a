package dev.kreis.platform.storage;

import java.util.Set;
import java.util.function.BooleanSupplier;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The API side of the read replica's routing ({@link ReadJdbc}). Only a request that reads (GET, HEAD) may have its
 * reads served by the replica: a request that writes decides what to write on what it reads, so it reads the primary.
 * And every request that may change data (POST, PUT, PATCH, DELETE) marks its caller in {@link RecentWriters} when
 * its answer is written — after its transaction committed — so that the caller's reads that follow go to the primary
 * for {@code kreis.db.read.primary-after-write} (read-your-writes). Being a filter on every request, it covers every
 * write endpoint, present and future; work that writes after the request answered (imports, sync runs) marks its caller
 * through {@link RecentWriters} and {@link BackgroundWriters}. Nothing is kept without a replica.
 */
public class ReplicaRouting {
    private static final Set<String> READS = Set.of("GET", "HEAD");

    private final ReadReplica replica;
    private final RecentWriters writers;
    private final ReadingRequest reading;
    private final CurrentIdentityAssociation identities;

    ReplicaRouting(ReadReplica replica, RecentWriters writers, ReadingRequest reading, CurrentIdentityAssociation identities) {
        this.replica = replica;
        this.writers = writers;
        this.reading = reading;
        this.identities = identities;
    }

    /** Whether the current API request only reads (false outside of one), and whether its caller wrote lately. */
    @RequestScoped
    public static class ReadingRequest {
        private boolean reads;
        private Boolean callerWroteRecently;

        boolean reads() {
            return reads;
        }

        void markReads() {
            reads = true;
        }

        /** Whether the caller wrote recently, asked once per request (it may cost a lookup on the primary). */
        boolean callerWroteRecently(BooleanSupplier ask) {
            if (callerWroteRecently == null) {
                callerWroteRecently = ask.getAsBoolean();
            }
            return callerWroteRecently;
        }
    }

    @ServerRequestFilter
    public void notice(ContainerRequestContext request) {
        if (replica.state() != ReadReplica.State.OFF && READS.contains(request.getMethod())) {
            reading.markReads();
        }
    }

    @ServerResponseFilter
    public Uni<Void> remember(ContainerRequestContext request) {
        if (replica.state() == ReadReplica.State.OFF || READS.contains(request.getMethod()) || "OPTIONS".equals(request.getMethod())) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity()
                .onFailure().recoverWithItem((SecurityIdentity) null)
                .chain(identity -> {
                    if (identity == null || identity.isAnonymous()) {
                        return Uni.createFrom().voidItem();
                    }
                    String caller = identity.getPrincipal().getName();
                    // marking may write to the database: never on an event-loop thread, and before the answer is sent
                    if (BlockingOperationControl.isBlockingAllowed()) {
                        writers.wrote(caller);
                        return Uni.createFrom().voidItem();
                    }
                    return Uni.createFrom().voidItem().invoke(() -> writers.wrote(caller)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                });
    }
}
