package dev.kreis.spi.connector;

/**
 * A connector to one kind of external CRM: one application-scoped CDI bean per connector jar implements
 * this interface.
 *
 * <p><b>When called.</b> The platform collects every bean implementing this interface at start-up and
 * calls {@link #descriptor()} once; an admin then creates connections that name the descriptor's id.
 * {@link #open} is called whenever the engine starts work for a connection (a run, a connection test, a
 * webhook, an erasure) and the session is closed when that work ends.
 *
 * <p><b>Thread-safety.</b> Both methods may be called from any thread, concurrently, for different
 * connections and for the same connection; a connector keeps no per-connection state outside the
 * sessions it opens.
 *
 * <p>Stability: stable.
 */
public interface Connector {

    /** What the connector is and supports. Must return an equal descriptor on every call. */
    ConnectorDescriptor descriptor();

    /**
     * Opens a session for one connection. Implementations may authenticate lazily (on the first call
     * that needs a token) so that opening is cheap; the configuration's credentials have been checked
     * against {@link ConnectorDescriptor#credentials()} for required fields.
     *
     * @throws ConnectorException with {@link ErrorKind#AUTH} when the credentials are refused,
     *         {@link ErrorKind#VALIDATION} when the configuration is unusable
     */
    ConnectorSession open(ConnectionConfig config);
}
