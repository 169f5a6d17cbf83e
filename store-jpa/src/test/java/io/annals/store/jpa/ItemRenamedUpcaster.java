package io.annals.store.jpa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.annals.core.event.Upcaster;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads version 1 of {@link ItemRenamed}: {@code item} became {@code itemId}, {@code name} became {@code newName}. */
@ApplicationScoped
class ItemRenamedUpcaster implements Upcaster {

    @Override
    public String eventType() {
        return "ItemRenamed";
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public ObjectNode upcast(ObjectNode data) {
        ObjectNode next = data.objectNode();
        next.set("itemId", data.get("item"));
        next.set("newName", data.get("name"));
        return next;
    }
}
