package io.annals.core.testing.tally;

/**
 * Stands for the process dying at this point: an {@link Error}, so no runtime code treats it as a
 * handler failure to retry or park. A test that meets it closes the container and boots a new one
 * over the same stores.
 */
public class SimulatedCrash extends Error {

    public SimulatedCrash(String where) {
        super("simulated crash " + where);
    }
}
