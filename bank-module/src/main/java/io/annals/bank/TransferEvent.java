package io.annals.bank;

/** What can happen to a transfer; each event is stored in the transfer's own stream. */
public sealed interface TransferEvent permits TransferDebited, TransferCompleted, TransferFailed {
}
