package io.annals.bank;

/** An account was opened, with a zero balance. */
public record AccountOpened(String owner) implements AccountEvent {
}
