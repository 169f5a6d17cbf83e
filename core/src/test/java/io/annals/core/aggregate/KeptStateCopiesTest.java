package io.annals.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.annals.core.store.InMemoryEventStore;
import io.annals.core.testing.AnnalsWeld;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whether the kept state is a copy (a plain record) or JSON (a record with Jackson annotations), a
 * load gets state of its own that it may change, and nothing it changes reaches the next load.
 */
class KeptStateCopiesTest {

    private WeldContainer container;

    @BeforeEach
    void start() {
        KeptStateTest.SharedStore.current = new InMemoryEventStore();
        container = AnnalsWeld.weld(KeptStateTest.SharedStore.class, Notebooks.class, AnnotatedNotebooks.class)
                .initialize();
    }

    @AfterEach
    void stop() {
        container.close();
    }

    @Test
    void aCopiedStateIsALoadsOwnToChange() {
        loadsOwnTheirState(container.select(Notebooks.class).get());
    }

    @Test
    void aStateKeptAsJsonIsALoadsOwnToChange() {
        loadsOwnTheirState(container.select(AnnotatedNotebooks.class).get());
    }

    private static <N extends Notebook<?>> void loadsOwnTheirState(EventSourcedRepository<N, String> notebooks) {
        N notebook = notebooks.create("n");
        notebook.write(1);
        notebook.write(2);
        notebooks.save(notebook);
        notebook.words.add("after the save");

        N first = notebooks.load("n");
        first.write(3);
        first.words.add("unsaved");

        assertEquals(List.of("1", "2"), notebooks.load("n").words);
    }

    /** Writes down each counted amount; {@link #restore} keeps the list it is given and changes it later. */
    abstract static class Notebook<S> extends AggregateRoot<String, TallyEvent> implements Snapshottable<S> {
        List<String> words = new ArrayList<>();

        Notebook(String id) {
            super(id);
        }

        void write(int amount) {
            apply(new Counted(amount));
        }

        @Override
        protected void when(TallyEvent event) {
            if (event instanceof Counted counted) {
                words.add(String.valueOf(counted.amount()));
            }
        }
    }

    record Page(List<String> words) {
    }

    static final class PlainNotebook extends Notebook<Page> {
        PlainNotebook(String id) {
            super(id);
        }

        @Override
        public Page snapshot() {
            return new Page(words);
        }

        @Override
        public void restore(Page page) {
            words = page.words();
        }
    }

    record AnnotatedPage(@JsonProperty("lines") List<String> words) {
    }

    static final class AnnotatedNotebook extends Notebook<AnnotatedPage> {
        AnnotatedNotebook(String id) {
            super(id);
        }

        @Override
        public AnnotatedPage snapshot() {
            return new AnnotatedPage(words);
        }

        @Override
        public void restore(AnnotatedPage page) {
            words = page.words();
        }
    }

    @ApplicationScoped
    static class Notebooks extends EventSourcedRepository<PlainNotebook, String> {
        Notebooks() {
            super("notebook", PlainNotebook::new, 100);
        }
    }

    @ApplicationScoped
    static class AnnotatedNotebooks extends EventSourcedRepository<AnnotatedNotebook, String> {
        AnnotatedNotebooks() {
            super("annotated-notebook", AnnotatedNotebook::new, 100);
        }
    }
}
