/**
 * What the command and query buses share: the handler registry built at deployment, validation of
 * messages, the executor, and the exceptions a dispatch can end with.
 */
package io.annals.core.dispatch;
