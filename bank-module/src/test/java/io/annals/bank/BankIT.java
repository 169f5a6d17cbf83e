package io.annals.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.annals.core.command.CommandBus;
import io.annals.core.dispatch.MessageValidationException;
import io.annals.core.dispatch.Violation;
import io.annals.core.query.QueryBus;
import io.annals.core.testing.InMemoryStores;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The module deployed as a domain team ships it: core and the bank jar in a WAR on a real Payara
 * Micro, discovered by core's extension, with the processors running on their own threads.
 */
@ExtendWith(ArquillianExtension.class)
class BankIT {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "bank-it.war")
                .addAsLibrary(Deployments.libraryOf(CommandBus.class, "annals-core.jar"))
                .addAsLibrary(Deployments.libraryOf(Accounts.class, "annals-bank.jar"))
                // core needs it and Payara Micro does not ship it (its own Jackson lacks the java.time module)
                .addAsLibrary(Deployments.libraryOf(JavaTimeModule.class, "jackson-datatype-jsr310.jar"))
                .addClasses(InMemoryStores.class, Deployments.class)
                .addAsWebInfResource(Deployments.ANNOTATED_BEANS_XML, "beans.xml");
    }

    @Inject
    CommandBus commands;

    @Inject
    QueryBus queries;

    @Test
    void transferCompletesThroughTheSaga() {
        AccountId alice = open("Alice", "100");
        AccountId bob = open("Bob", "0");
        TransferId rent = TransferId.random();

        commands.executeBlocking(new TransferMoney(rent, alice, bob, new BigDecimal("30")));
        TransferStatus settled = eventually(() -> queries.executeBlocking(new GetTransfer(rent)), t -> !t.state().equals("debited"));

        assertEquals(new TransferStatus(rent, alice, bob, new BigDecimal("30"), "completed", null), settled);
        assertEquals(new BigDecimal("70"), queries.executeBlocking(new GetAccount(alice)).balance());
        assertEquals(new BigDecimal("30"), queries.executeBlocking(new GetAccount(bob)).balance());
    }

    @Test
    void transferToAnUnknownAccountIsRefundedAndFailed() {
        AccountId alice = open("Alice", "100");
        AccountId nobody = AccountId.random();
        TransferId gift = TransferId.random();

        commands.executeBlocking(new TransferMoney(gift, alice, nobody, new BigDecimal("40")));
        TransferStatus settled = eventually(() -> queries.executeBlocking(new GetTransfer(gift)), t -> !t.state().equals("debited"));

        assertEquals(new TransferStatus(gift, alice, nobody, new BigDecimal("40"), "failed",
                "target account " + nobody + " does not exist"), settled);
        assertEquals(new BigDecimal("100"), queries.executeBlocking(new GetAccount(alice)).balance());
    }

    @Test
    void transferToItselfIsRefusedOnTheTargetField() {
        AccountId alice = open("Alice", "100");

        MessageValidationException refusal = assertThrows(MessageValidationException.class,
                () -> commands.executeBlocking(new TransferMoney(TransferId.random(), alice, alice, BigDecimal.ONE)));

        assertEquals(List.of(new Violation("toAccountId", "must differ from fromAccountId")), refusal.violations());
    }

    @Test
    void accountsReadModelCatchesUpInOpeningOrder() {
        AccountId first = open("First", "1");
        AccountId second = open("Second", "2");

        List<AccountId> listed = eventually(
                () -> queries.executeBlocking(new GetAccounts(1000, 0)).stream().map(AccountBalance::accountId).toList(),
                ids -> ids.contains(second));

        assertEquals(List.of(first, second), listed.stream().filter(id -> id.equals(first) || id.equals(second)).toList());
    }

    private AccountId open(String owner, String deposit) {
        AccountId id = AccountId.random();
        commands.executeBlocking(new OpenAccount(id, owner));
        if (new BigDecimal(deposit).signum() > 0) {
            commands.executeBlocking(new DepositMoney(id, new BigDecimal(deposit)));
        }
        return id;
    }

    /** Asks until the answer satisfies {@code settled}: the processors run on their own threads here. */
    private static <T> T eventually(Supplier<T> ask, Predicate<T> settled) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        T answer = ask.get();
        while (!settled.test(answer) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            answer = ask.get();
        }
        return answer;
    }
}
