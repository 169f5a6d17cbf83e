package io.annals.bank;

/** The target account was credited: the transfer is done. */
public record TransferCompleted() implements TransferEvent {
}
