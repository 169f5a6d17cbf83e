package io.annals.core.context;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Contexts attached to message instances. Keys are held weakly and compared by identity: two equal
 * records are still two messages, and an attachment never keeps a message alive.
 */
final class ContextAttachments {

    private static final Map<IdentityKey, AsyncContext> ATTACHED = new ConcurrentHashMap<>();
    private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();

    private ContextAttachments() {
    }

    static void attach(Object message, AsyncContext context) {
        expunge();
        ATTACHED.put(new IdentityKey(message, COLLECTED), context);
    }

    static Optional<AsyncContext> lookup(Object message) {
        if (ATTACHED.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(ATTACHED.get(new IdentityKey(message, null)));
    }

    private static void expunge() {
        for (Object key; (key = COLLECTED.poll()) != null; ) {
            ATTACHED.remove(key);
        }
    }

    private static final class IdentityKey extends WeakReference<Object> {
        private final int hash;

        IdentityKey(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            return other instanceof IdentityKey key && key.get() != null && key.get() == get();
        }
    }
}
