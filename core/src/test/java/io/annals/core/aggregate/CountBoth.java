package io.annals.core.aggregate;

import io.annals.core.command.Command;

/** Adds an amount to two tallies in one command: {@code pinned} is loaded first, {@code other} saved first. */
record CountBoth(String pinned, String other, int amount) implements Command<Long> {
}
