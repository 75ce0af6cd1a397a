package dev.kreis.platform.storage;

import java.util.Set;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
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

    /** Whether the current API request only reads; false outside of one. */
    @RequestScoped
    public static class ReadingRequest {
        private boolean reads;

        boolean reads() {
            return reads;
        }

        void markReads() {
            reads = true;
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
                .invoke(identity -> {
                    if (identity != null && !identity.isAnonymous()) {
                        writers.wrote(identity.getPrincipal().getName());
                    }
                })
                .replaceWithVoid();
    }
}
