package io.annals.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.annals.core.event.AnnalsJson;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An account restored from its snapshot, written as JSON and read back, behaves as the replayed one. */
class AccountSnapshotTest {

    private static final AccountId ALICE = new AccountId(UUID.randomUUID());
    private static final AccountId BOB = new AccountId(UUID.randomUUID());
    private static final TransferId SENT = new TransferId(UUID.randomUUID());
    private static final TransferId REFUNDED = new TransferId(UUID.randomUUID());

    private final ObjectMapper json = AnnalsJson.newMapper();

    @Test
    void aRestoredAccountKeepsOwnerBalanceAndWhatItSentAndGotBack() throws Exception {
        Account replayed = new Account(ALICE);
        replayed.loadFromHistory(List.of(new AccountOpened("Alice"), new MoneyDeposited(new BigDecimal("100.00")),
                new MoneySent(SENT.value(), BOB.value(), new BigDecimal("30.50")),
                new MoneySent(REFUNDED.value(), BOB.value(), new BigDecimal("10")),
                new MoneyRefunded(REFUNDED.value(), new BigDecimal("10"), "unknown account")));

        Account restored = new Account(ALICE);
        restored.restore(json.readValue(json.writeValueAsString(replayed.snapshot()), Account.State.class));

        assertEquals("Alice", restored.balance().owner());
        assertEquals(new BigDecimal("69.50"), restored.balance().balance());
        restored.send(SENT, BOB, new BigDecimal("30.50"));
        assertTrue(restored.uncommittedEvents().isEmpty(), "a retried debit of a transfer sent before takes nothing");
        assertThrows(IllegalStateException.class, () -> restored.refund(REFUNDED, "again"));
        restored.refund(SENT, "unknown account");
        assertEquals(new BigDecimal("100.00"), restored.balance().balance());
    }
}
