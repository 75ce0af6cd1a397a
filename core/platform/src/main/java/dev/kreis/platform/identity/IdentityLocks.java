package dev.kreis.platform.identity;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Serialises identity resolution per identifier within this node, so two requests carrying the same
 * new e-mail address cannot create two customers at once. Locks are striped and always taken in
 * ascending stripe order, so they cannot deadlock. The caller's transaction must commit before the
 * locks are released, which {@link #around} guarantees when the work opens its own transaction.
 */
@ApplicationScoped
public class IdentityLocks {
    private static final int STRIPES = 1024;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public IdentityLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    public <T> T around(Collection<String> keys, Callable<T> work) {
        List<Integer> order = keys.stream().map(k -> Math.floorMod(k.hashCode(), STRIPES)).distinct().sorted().toList();
        order.forEach(i -> stripes[i].lock());
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            for (int i = order.size() - 1; i >= 0; i--) {
                stripes[order.get(i)].unlock();
            }
        }
    }
}
