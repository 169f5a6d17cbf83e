package io.annals.core.processor;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/** Dead letters in memory, for tests and the in-memory event store. */
public class InMemoryDeadLetterStore implements DeadLetterStore {

    private final Map<UUID, DeadLetter> letters = new LinkedHashMap<>();

    @Override
    public synchronized void park(DeadLetter letter) {
        if (letters.putIfAbsent(letter.id(), letter) != null) {
            throw new IllegalArgumentException("dead letter " + letter.id() + " is already stored");
        }
    }

    @Override
    public synchronized List<DeadLetter> parked() {
        return letters.values().stream().filter(DeadLetter::isParked)
                .sorted(Comparator.comparingLong(DeadLetter::position)).toList();
    }

    @Override
    public synchronized Optional<DeadLetter> find(UUID id) {
        return Optional.ofNullable(letters.get(id));
    }

    @Override
    public synchronized void update(DeadLetter letter) {
        if (!letters.containsKey(letter.id())) {
            throw new NoSuchElementException("no dead letter " + letter.id());
        }
        letters.put(letter.id(), letter);
    }
}
