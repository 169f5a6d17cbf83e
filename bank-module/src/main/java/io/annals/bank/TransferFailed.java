package io.annals.bank;

/** The transfer could not be delivered and the source account was refunded. */
public record TransferFailed(String reason) implements TransferEvent {
}
