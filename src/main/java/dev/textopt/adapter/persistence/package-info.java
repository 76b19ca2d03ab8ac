/**
 * The PostgreSQL adapter: JPA entities, Spring Data repositories and the mapping between rows and
 * the core's types. The schema itself belongs to the Flyway migrations in db/migration.
 */
package dev.textopt.adapter.persistence;
