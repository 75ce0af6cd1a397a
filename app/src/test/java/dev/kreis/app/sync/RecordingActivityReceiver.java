package dev.kreis.app.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.kreis.spi.connector.CrmActivity;
import dev.kreis.spi.connector.CrmActivityReceiver;
import jakarta.enterprise.context.ApplicationScoped;

/** A receiver as the sales module would have one: records the activities the sync engine hands it while sales is enabled. */
@ApplicationScoped
public class RecordingActivityReceiver implements CrmActivityReceiver {
    private final List<CrmActivity> received = Collections.synchronizedList(new ArrayList<>());

    @Override
    public String module() {
        return "sales";
    }

    @Override
    public void receive(CrmActivity activity) {
        received.add(activity);
    }

    /** What arrived of one record of one connection (fake CRMs of different tests reuse record ids). */
    public List<CrmActivity> received(String source, String recordId) {
        synchronized (received) {
            return received.stream().filter(a -> a.source().equals(source) && a.recordId().equals(recordId)).toList();
        }
    }
}
