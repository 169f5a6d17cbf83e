package io.annals.bank;

import static io.annals.bank.AccountTest.money;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.annals.core.command.CommandBus;
import io.annals.core.context.AsyncContext;
import io.annals.core.context.DispatchOptions;
import io.annals.core.processor.CheckpointStore;
import io.annals.core.processor.InMemoryCheckpointStore;
import io.annals.core.processor.ProcessorRuntime;
import io.annals.core.query.QueryBus;
import io.annals.core.store.AppendResult;
import io.annals.core.store.EventStore;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.InMemoryEventStore;
import io.annals.core.store.NewEvent;
import io.annals.core.store.StoredEvent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jboss.weld.junit.MockBean;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * The saga may record a transfer from its debit before {@link TransferMoney} records it itself. The
 * command still succeeds once, stores each event once and keeps its outcome for a repeat.
 */
@EnableWeld
class TransferRaceTest {

    private static final AccountId ALICE = AccountId.random();
    private static final AccountId BOB = AccountId.random();
    private static final TransferId RENT = TransferId.random();

    private final SagaFirstStore store = new SagaFirstStore();

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(BankWeld.weld())
            .addBeans(MockBean.of(store, EventStore.class), MockBean.of(new InMemoryCheckpointStore(), CheckpointStore.class))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    CommandBus commands;

    @Inject
    QueryBus queries;

    @Inject
    ProcessorRuntime processors;

    @Test
    void transferRecordedByTheSagaFirstSucceedsOnceAndRemembersItsOutcome() {
        commands.executeBlocking(new OpenAccount(ALICE, "Alice"));
        commands.executeBlocking(new DepositMoney(ALICE, money("100")));
        commands.executeBlocking(new OpenAccount(BOB, "Bob"));
        TransferMoney transfer = new TransferMoney(RENT, ALICE, BOB, money("30"));
        DispatchOptions once = DispatchOptions.withCommandId(UUID.randomUUID());
        store.beforeTheFirstTransferRecord(processors::awaitIdle);

        TransferId result = commands.executeBlocking(transfer, AsyncContext.create(), once);

        assertEquals(RENT, result);
        assertEquals(money("70"), queries.executeBlocking(new GetAccount(ALICE)).balance());
        assertEquals(List.of("TransferDebited"), types("transfer-" + RENT));
        long head = store.headPosition();

        assertEquals(RENT, commands.executeBlocking(transfer, AsyncContext.create(), once), "the repeat's recorded outcome");
        assertEquals(head, store.headPosition(), "events stored by the repeat");
    }

    private List<String> types(String streamId) {
        return store.readStream(streamId, 1).stream().map(StoredEvent::type).toList();
    }

    /** Runs a step (the saga) right before the first append to a transfer stream, once. */
    static final class SagaFirstStore extends InMemoryEventStore {
        private Runnable beforeRecord;

        void beforeTheFirstTransferRecord(Runnable step) {
            beforeRecord = step;
        }

        @Override
        public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events, UUID commandId) {
            Runnable step = beforeRecord;
            if (step != null && streamId.startsWith("transfer-")) {
                beforeRecord = null;
                step.run();
            }
            return super.append(streamId, expected, events, commandId);
        }
    }
}
