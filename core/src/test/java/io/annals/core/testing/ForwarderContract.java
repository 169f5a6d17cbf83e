package io.annals.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.annals.core.event.AnnalsJson;
import io.annals.core.processor.DeadLetter;
import io.annals.core.processor.DeadLetterState;
import io.annals.core.processor.ForwarderStatus;
import io.annals.core.processor.ProcessorKind;
import io.annals.core.processor.ProcessorState;
import io.annals.core.store.StoredEvent;
import io.annals.core.testing.RecordingWebhook.Delivery;
import io.annals.core.testing.tally.TallyCounted;
import io.annals.core.testing.tally.TallyNoted;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What forwarders guarantee on any stores: each destination receives every event of its types in
 * log order, at least once (repeats only around failures), signed when a secret is set; an event a
 * destination keeps refusing becomes a dead letter after the configured attempts while later events
 * follow; each destination keeps its own checkpoint and status. A store module extends it with its
 * own {@link #newStores()}.
 */
public abstract class ForwarderContract extends ProcessorContractSupport {

    private static final ObjectMapper JSON = AnnalsJson.newMapper();
    private static final String SECRET = "s3cret-for-tests";

    private RecordingWebhook webhook;

    @Override
    protected Class<?>[] applicationBeans() {
        return new Class<?>[0];
    }

    @BeforeEach
    void startWebhook() {
        webhook = RecordingWebhook.start();
    }

    @AfterEach
    void stopWebhook() {
        webhook.close();
    }

    private Map<String, String> webhookForwarder(String name, String... more) {
        Map<String, String> settings = new HashMap<>();
        settings.put("ANNALS_FORWARDERS", name);
        String prefix = "ANNALS_FORWARDER_" + name.toUpperCase() + "_";
        settings.put(prefix + "TYPE", "http");
        settings.put(prefix + "URL", webhook.url().toString());
        settings.put(prefix + "SECRET", SECRET);
        settings.put(prefix + "BACKOFF_MILLIS", "1");
        settings.put(prefix + "MAX_BACKOFF_MILLIS", "4");
        for (int i = 0; i + 1 < more.length; i += 2) {
            settings.put(prefix + more[i], more[i + 1]);
        }
        return settings;
    }

    private List<String> eventIds(List<StoredEvent> events) {
        return events.stream().map(e -> e.eventId().toString()).toList();
    }

    @Test
    void aWebhookThatFailsTheFirstDeliveriesReceivesEveryEventInOrderAfterwards() throws Exception {
        RuntimeNode node = boot(webhookForwarder("hooks"));
        webhook.failFirst(3);
        List<StoredEvent> stored = new ArrayList<>(node.append(stream(), new TallyCounted("a", 1), new TallyNoted("n")));
        stored.addAll(node.append(stream(), new TallyCounted("b", 2), new TallyCounted("c", 3)));

        node.runtime().awaitIdle();

        assertEquals(eventIds(stored), webhook.acceptedEventIds(), "each event accepted once, in log order");
        List<Delivery> all = webhook.deliveries();
        assertEquals(eventIds(stored), collapseRepeats(all), "repeats only of the event that just failed");
        for (Iterator<Delivery> it = all.iterator(); it.hasNext(); ) {
            Delivery delivery = it.next();
            assertEquals(expectedSignature(delivery.body()), delivery.signature(), "HMAC-SHA256 of the body");
            assertEquals(delivery.eventId(), JSON.readTree(delivery.body()).get("eventId").asText());
            assertTrue(delivery.contentType().startsWith("application/json"));
        }
        assertEquals(3, all.stream().filter(d -> !d.accepted()).count());
        ForwarderStatus status = node.runtime().forwarderStatuses().get(0);
        assertEquals("hooks", status.name());
        assertEquals(stores.events().headPosition(), status.position());
        assertEquals(0, status.lag());
        assertEquals(ProcessorState.RUNNING, status.state());
        assertEquals(3, status.failures());
        assertEquals(ProcessorKind.FORWARDER, node.runtime().status("hooks").kind());
    }

    @Test
    void theWebhookBodyIsTheEventJsonOfTheSpec() throws Exception {
        RuntimeNode node = boot(webhookForwarder("hooks"));
        StoredEvent stored = node.append(stream(), new TallyCounted("a", 12)).get(0);

        node.runtime().awaitIdle();

        JsonNode body = JSON.readTree(webhook.deliveries().get(0).body());
        assertEquals(List.of("eventId", "streamId", "type", "version", "position", "data", "metadata", "occurredAt"),
                fieldNames(body));
        assertEquals(stored.eventId().toString(), body.get("eventId").asText());
        assertEquals(stored.streamId(), body.get("streamId").asText());
        assertEquals("TallyCounted", body.get("type").asText());
        assertEquals(1, body.get("version").asLong());
        assertEquals(stored.position(), body.get("position").asLong());
        assertEquals("a", body.get("data").get("counter").asText());
        assertEquals(12, body.get("data").get("amount").asLong());
        assertEquals(List.of("correlationId", "causationId", "principal", "tenant"), fieldNames(body.get("metadata")));
        assertEquals(stored.metadata().correlationId(), body.get("metadata").get("correlationId").asText());
        assertTrue(body.get("metadata").get("causationId").isNull());
        assertTrue(body.get("metadata").get("tenant").isNull());
        assertTrue(body.get("occurredAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                body.get("occurredAt").asText());
    }

    @Test
    void anEventTheWebhookKeepsRefusingBecomesADeadLetterWhileLaterEventsFollow() {
        RuntimeNode node = boot(webhookForwarder("hooks", "MAX_ATTEMPTS", "4"));
        webhook.refuseWhen(body -> body.contains("\"poison\""));
        List<StoredEvent> stored = node.append(stream(), new TallyCounted("a", 1), new TallyCounted("poison", 2),
                new TallyCounted("b", 3));

        node.runtime().awaitIdle();

        assertEquals(eventIds(List.of(stored.get(0), stored.get(2))), webhook.acceptedEventIds());
        List<DeadLetter> parked = node.runtime().deadLetters();
        assertEquals(1, parked.size());
        assertEquals("hooks", parked.get(0).processor());
        assertEquals(stored.get(1).eventId(), parked.get(0).eventId());
        assertEquals(4, parked.get(0).attempts());
        assertTrue(parked.get(0).error().contains("500"), parked.get(0).error());
        ForwarderStatus status = node.runtime().forwarderStatuses().get(0);
        assertEquals(0, status.lag());
        assertEquals(4, status.failures());

        webhook.heal();
        assertEquals(DeadLetterState.RETRIED, node.runtime().retryDeadLetter(parked.get(0).id()).state());
        assertEquals(stored.get(1).eventId().toString(), webhook.acceptedEventIds().get(2));
    }

    @Test
    void aForwarderSendsOnlyItsEventTypesAndStillPassesTheOthers() {
        RuntimeNode node = boot(webhookForwarder("hooks", "TYPES", "TallyNoted, Unrelated"));
        List<StoredEvent> stored = node.append(stream(), new TallyCounted("a", 1), new TallyNoted("n"), new TallyCounted("b", 2));

        node.runtime().awaitIdle();

        assertEquals(eventIds(List.of(stored.get(1))), webhook.acceptedEventIds());
        assertEquals(stores.events().headPosition(), node.runtime().forwarderStatuses().get(0).position());
    }

    @Test
    void aRestartedForwarderResumesAfterItsCheckpoint() {
        RuntimeNode first = boot(webhookForwarder("hooks"));
        List<StoredEvent> before = first.append(stream(), new TallyCounted("a", 1), new TallyCounted("b", 2));
        first.runtime().awaitIdle();
        first.close();

        RuntimeNode restarted = boot(webhookForwarder("hooks"));
        List<StoredEvent> after = restarted.append(stream(), new TallyCounted("c", 3));
        restarted.runtime().awaitIdle();

        List<StoredEvent> all = new ArrayList<>(before);
        all.addAll(after);
        assertEquals(eventIds(all), webhook.acceptedEventIds(), "nothing sent twice across the restart");
    }

    @Test
    void eachDestinationKeepsItsOwnCheckpointAndStatus() {
        Map<String, String> settings = new HashMap<>(webhookForwarder("good"));
        settings.put("ANNALS_FORWARDERS", "good, audit");
        settings.put("ANNALS_FORWARDER_AUDIT_TYPES", "TallyNoted");
        RuntimeNode node = boot(settings);
        node.append(stream(), new TallyCounted("a", 1), new TallyNoted("n"));
        node.runtime().awaitIdle();

        List<ForwarderStatus> statuses = node.runtime().forwarderStatuses();
        assertEquals(List.of("audit", "good"), statuses.stream().map(ForwarderStatus::name).toList());
        statuses.forEach(s -> assertEquals(0, s.lag(), s.name()));
        node.append(stream(), new TallyCounted("b", 2));
        node.runtime().processor("good").orElseThrow().catchUp();
        assertEquals(0, node.runtime().status("good").lag());
        assertEquals(1, node.runtime().status("audit").lag(), "one destination's progress does not move another's");
    }

    @Test
    void aLogForwarderWritesEachEventOfItsTypesToTheLog() {
        List<String> logged = new ArrayList<>();
        Logger logger = Logger.getLogger("io.annals.forward.audit");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (logged) {
                    logged.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            RuntimeNode node = boot(Map.of("annals.forwarders", "audit", "annals.forwarder.audit.types", "TallyCounted"));
            StoredEvent counted = node.append(stream(), new TallyCounted("a", 1), new TallyNoted("n")).get(0);

            node.runtime().awaitIdle();

            synchronized (logged) {
                assertEquals(1, logged.size(), logged.toString());
                assertTrue(logged.get(0).contains("\"eventId\":\"" + counted.eventId() + "\""), logged.get(0));
            }
            assertNull(node.runtime().status("audit").lastError());
        } finally {
            logger.removeHandler(capture);
        }
    }

    private static List<String> collapseRepeats(List<Delivery> deliveries) {
        List<String> collapsed = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            if (collapsed.isEmpty() || !collapsed.get(collapsed.size() - 1).equals(delivery.eventId())) {
                collapsed.add(delivery.eventId());
            }
        }
        return collapsed;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String expectedSignature(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder("sha256=");
        for (byte b : mac.doFinal(body.getBytes(StandardCharsets.UTF_8))) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
