/**
 * The heroes game from the NestJS CQRS guide, as a domain module: heroes are recruited, slay dragons
 * (each one only once) and find items. A {@code Hero} is an event-sourced aggregate; when a hero slays
 * a dragon, a saga drops an ancient item that the hero then finds, in the same flow (correlation id
 * kept, caused by the kill). The {@code heroes} read model lists every hero in recruitment order.
 * Public types are the module's language (ids, commands, events, queries, views, refusals); the
 * aggregate, handlers, saga and read model are package-private CDI beans.
 */
package io.annals.heroes;
