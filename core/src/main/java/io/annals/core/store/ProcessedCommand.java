package io.annals.core.store;

import java.util.Optional;
import java.util.UUID;

/**
 * A command id the store has seen with an append, and the command's outcome once the bus recorded
 * it (absent if the process stopped between the append and the recording).
 */
public record ProcessedCommand(UUID commandId, String streamId, Optional<String> outcome) {
}
