package io.annals.web.bank;

import java.util.UUID;

/** A transfer taken on: the source is debited, the rest follows. */
public record TransferAccepted(UUID transferId) {
}
