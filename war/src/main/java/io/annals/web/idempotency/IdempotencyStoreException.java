package io.annals.web.idempotency;

import java.sql.SQLException;

/** The idempotency table could not be read or written; the request fails before any command runs. */
public class IdempotencyStoreException extends RuntimeException {

    public IdempotencyStoreException(SQLException cause) {
        super("idempotency records unavailable (SQLState " + cause.getSQLState() + ")", cause);
    }
}
