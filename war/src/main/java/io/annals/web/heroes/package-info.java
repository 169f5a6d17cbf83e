/** The heroes module over HTTP: recruit heroes, kill dragons, read heroes and the board. */
package io.annals.web.heroes;
