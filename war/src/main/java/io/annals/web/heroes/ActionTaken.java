package io.annals.web.heroes;

import java.util.UUID;

/** The answer to a deed: the action's id. */
public record ActionTaken(UUID actionId) {
}
