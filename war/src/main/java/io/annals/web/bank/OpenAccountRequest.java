package io.annals.web.bank;

/** {@code POST /api/accounts}: who owns the new account. */
public record OpenAccountRequest(String owner) {
}
