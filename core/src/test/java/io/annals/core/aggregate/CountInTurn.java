package io.annals.core.aggregate;

import io.annals.core.command.Command;

/** Counts on {@code first}, saves it, then counts on {@code second} and saves that: two appends. */
record CountInTurn(String first, String second, int amount) implements Command<Long> {
}
