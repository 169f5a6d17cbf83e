package io.annals.core.processor;

/** Sagas are never rebuilt: replaying them would issue their commands again. */
public class SagaRebuildRefusedException extends ProcessorConflictException {

    public SagaRebuildRefusedException(String processor) {
        super(processor, "'" + processor + "' is a saga: replaying it would issue its commands again, so it is never rebuilt");
    }
}
