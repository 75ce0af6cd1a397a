package dev.kreis.platform.sync;

import java.util.Map;
import java.util.Optional;

/**
 * A connection as an admin asks for it (create) or changes it (update: empty fields stay as they are;
 * given credentials replace all of them; given settings replace all of them).
 */
public record ConnectionDraft(Optional<String> connector, Optional<String> name, Optional<String> source, Optional<String> baseUrl,
        Optional<Map<String, String>> credentials, Optional<Map<String, String>> settings) {
}
