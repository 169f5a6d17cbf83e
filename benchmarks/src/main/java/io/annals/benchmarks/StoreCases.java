package io.annals.benchmarks;

import io.annals.core.command.CommandBus;
import io.annals.core.event.EventSerializer;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.EventStore;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.NewEvent;
import io.annals.core.store.Snapshot;
import io.annals.store.jpa.StandaloneStores;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * P1–P4 on one database: commands through {@code CommandBus} → repository → JPA store, durable,
 * against raw JDBC on a table of the same shape in the same database and run.
 */
final class StoreCases {

    private static final int CLIENTS = 32;

    private final String databaseKind;
    private final Predicate<String> selected;

    StoreCases(String databaseKind, Predicate<String> selected) {
        this.databaseKind = databaseKind;
        this.selected = selected;
    }

    void run(Harness harness, Report report) throws Exception {
        try (Database database = Database.create(databaseKind);
             StandaloneStores stores = StandaloneStores.open(database.url(), null, null);
             RawJdbc raw = new RawJdbc(database.connectBaseline(), "raw_events");
             RawJdbc rawBesideStore = new RawJdbc(database.connect(), "raw_reads")) {
            StoreUnderTest.use(stores.eventStore());
            try (WeldContainer container = new Weld().addExtension(new WithoutContainerGlue()).initialize()) {
                CommandBus bus = container.select(CommandBus.class).get();
                EventStore store = stores.eventStore();
                EventSerializer serializer = container.select(EventSerializer.class).get();
                String db = " (" + databaseKind + ")";

                if (selected.test("P1")) {
                    p1(harness, report, bus, raw, db);
                }
                if (selected.test("P2")) {
                    p2(harness, report, bus, store, serializer, raw, db);
                }
                if (selected.test("P3")) {
                    p3(harness, report, bus, store, serializer, db);
                }
                if (selected.test("P4")) {
                    // a read competes for the same database cache as the store's
                    p4(harness, report, container, store, serializer, rawBesideStore, db);
                }
            }
        }
    }

    private static void p1(Harness harness, Report report, CommandBus bus, RawJdbc raw, String db) throws Exception {
        Harness.Comparison p1 = harness.compare(Harness.Workload.of("mix", 500, (client, i) -> commandMix(bus, i)),
                Harness.Workload.of("raw", 500, (client, i) -> raw.readVersionAndAppend("raw-mix-" + i / 10)));
        report.row("P1", "command mix, 1 client" + db, Report.ops(p1.subject().opsPerSecond()),
                Report.ops(p1.baseline().opsPerSecond()) + " read version + append", Report.ratio(p1.throughputRatio()),
                "≥ 0.90×", Report.verdict(p1.throughputRatio() >= 0.9));
    }

    private static void p2(Harness harness, Report report, CommandBus bus, EventStore store, EventSerializer serializer,
                   RawJdbc raw, String db) throws Exception {
        List<UUID> tallies = openTallies(bus, CLIENTS);
        Harness.Comparison concurrent = harness.compare(new Harness.Workload("32 clients", CLIENTS, 100,
                (client, i) -> bus.executeBlocking(new AddToTally(tallies.get(client), 1))),
                Harness.Workload.of("raw", 500, (client, i) -> raw.append("raw-one-" + i, 1)));
        Harness.Comparison bare = harness.compare(new Harness.Workload("bare", CLIENTS, 100,
                (client, i) -> store.append("bare-" + client + "-" + i, ExpectedVersion.NO_STREAM,
                        List.of(event(serializer, i)))),
                Harness.Workload.of("raw", 500, (client, i) -> raw.append("raw-two-" + i, 1)));
        Measurement commands = concurrent.subject();
        report.row("P2", "32 clients, commands, p50/p99 " + Report.millis(commands.p50Micros() / 1000) + "/"
                        + Report.millis(commands.p99Micros() / 1000) + db, Report.ops(commands.opsPerSecond()),
                Report.ops(concurrent.baseline().opsPerSecond()) + " 1 event/tx, 1 connection",
                Report.ratio(concurrent.throughputRatio()), "≥ 5×", Report.verdict(concurrent.throughputRatio() >= 5));
        report.row("P2", "32 clients, bare EventStore.append" + db, Report.ops(bare.subject().opsPerSecond()),
                Report.ops(bare.baseline().opsPerSecond()), Report.ratio(bare.throughputRatio()), "reported", "");
    }

    private static void p3(Harness harness, Report report, CommandBus bus, EventStore store, EventSerializer serializer,
                   String db) throws Exception {
        UUID shortStream = prepareTally(store, serializer, 10);
        UUID longStream = prepareTally(store, serializer, 2_000);
        Harness.Comparison p3 = harness.compare(
                Harness.Workload.of("length 2000", 200, (client, i) -> bus.executeBlocking(new AddToTally(longStream, 1))),
                Harness.Workload.of("length 10", 200, (client, i) -> bus.executeBlocking(new AddToTally(shortStream, 1))));
        report.row("P3", "mean command latency, stream of 2,000 vs 10" + db, Report.millis(p3.subject().meanMicros() / 1000),
                Report.millis(p3.baseline().meanMicros() / 1000) + " at length 10", Report.ratio(p3.timeRatio()), "≤ 1.2×",
                Report.verdict(p3.timeRatio() <= 1.2));
    }

    private static void p4(Harness harness, Report report, WeldContainer container, EventStore store,
                   EventSerializer serializer, RawJdbc raw, String db) throws Exception {
        UUID huge = prepareTally(store, serializer, 10_000);
        raw.appendBatch("raw-huge", 10_000);
        UnsnapshottedTallies plain = container.select(UnsnapshottedTallies.class).get();
        Tallies snapshotted = container.select(Tallies.class).get();
        Harness.Workload load = Harness.Workload.of("load", 10, (client, i) -> plain.load(huge));
        Harness.Comparison p4 = harness.compare(load,
                Harness.Workload.of("raw read", 10, (client, i) -> raw.readStream("raw-huge")));
        store.saveSnapshot(new Snapshot(plain.streamId(huge), 10_000, Tally.State.class.getName(),
                serializer.write(plain.load(huge).snapshot())));
        Harness.Comparison p4snapshot = harness.compare(
                Harness.Workload.of("snapshot", 10, (client, i) -> snapshotted.load(huge)), load);
        report.row("P4", "load 10,000 events, no snapshot" + db, Report.millis(p4.subject().meanMicros() / 1000),
                Report.millis(p4.baseline().meanMicros() / 1000) + " raw read", Report.ratio(p4.timeRatio()), "≤ 2×",
                Report.verdict(p4.timeRatio() <= 2));
        report.row("P4", "load 10,000 events, with snapshot" + db, Report.millis(p4snapshot.subject().meanMicros() / 1000),
                Report.millis(p4snapshot.baseline().meanMicros() / 1000) + " no snapshot", Report.ratio(p4snapshot.timeRatio()),
                "≤ 0.05×", Report.verdict(p4snapshot.timeRatio() <= 0.05));
    }

    /** Ten commands per tally: open, six additions, three subtractions. */
    private static void commandMix(CommandBus bus, long sequence) {
        UUID tally = UUID.nameUUIDFromBytes(("mix-" + sequence / 10).getBytes());
        int step = (int) (sequence % 10);
        if (step == 0) {
            bus.executeBlocking(new OpenTally(tally));
        } else {
            bus.executeBlocking(new AddToTally(tally, step <= 6 ? 100 : -30));
        }
    }

    private static List<UUID> openTallies(CommandBus bus, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            bus.executeBlocking(new OpenTally(id));
            ids.add(id);
        }
        return ids;
    }

    /**
     * A tally whose stream holds {@code length} events, appended straight to the store in large
     * batches: no repository has seen it, so its first load reads the stream (or a snapshot).
     */
    private static UUID prepareTally(EventStore store, EventSerializer serializer, int length) {
        UUID id = UUID.randomUUID();
        String stream = "tally-" + id;
        store.append(stream, ExpectedVersion.NO_STREAM, List.of(serializer.toNewEvent(
                new TallyEvent.TallyOpened(id.toString()), new EventMetadata("bench", null, null, null))));
        long version = 1;
        while (version < length) {
            int count = (int) Math.min(500, length - version);
            List<NewEvent> batch = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                batch.add(event(serializer, i));
            }
            version = store.append(stream, ExpectedVersion.exactly(version), batch).streamVersion();
        }
        return id;
    }

    private static NewEvent event(EventSerializer serializer, long amount) {
        return serializer.toNewEvent(new TallyEvent.TallyAdded(amount), new EventMetadata("bench", null, null, null));
    }
}
