package io.annals.core.processor;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where processors park the events they gave up on. The runtime parks an event inside
 * {@link CheckpointStore#commit} together with the checkpoint that moves past it, so a store backed
 * by the same database as the checkpoints should join that transaction: then an event is either
 * still ahead of the checkpoint or parked, never lost. Entries are never deleted; resolving one
 * changes its {@link DeadLetter#state()}.
 */
public interface DeadLetterStore {

    /** Stores a new entry. */
    void park(DeadLetter letter);

    /** The entries still {@link DeadLetterState#PARKED}, in position order (then parking order). */
    List<DeadLetter> parked();

    /** Any entry by id, resolved ones included. */
    Optional<DeadLetter> find(UUID id);

    /**
     * Replaces the stored entry with the same id (state, attempts, error, resolution time).
     *
     * @throws java.util.NoSuchElementException no entry has that id
     */
    void update(DeadLetter letter);
}
