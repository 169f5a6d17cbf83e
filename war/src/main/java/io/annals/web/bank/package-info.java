/**
 * The bank module over HTTP: accounts, deposits, withdrawals, transfers, balances and histories.
 * Each resource method translates one request into one command or query and back.
 */
package io.annals.web.bank;
