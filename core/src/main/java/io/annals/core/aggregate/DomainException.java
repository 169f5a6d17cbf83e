package io.annals.core.aggregate;

/**
 * A refusal by the domain: the command was understood but breaks a rule (insufficient funds, a
 * dragon slain twice). {@code code} is a stable, kebab-case name of the rule, which the HTTP layer
 * puts at the end of the problem type.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;

    protected DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
