package dev.textopt.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;

/**
 * Run in a child JVM: starts an embedded PostgreSQL on the given data folder, writes a marker row,
 * then halts without shutdown hooks — what {@code kill -9} of textopt leaves behind: a postmaster
 * still running and its {@code postmaster.pid} in the folder.
 */
public final class CrashedEmbeddedServer {

    public static void main(String[] args) throws Exception {
        var postgres = EmbeddedPostgres.builder().setDataDirectory(new File(args[0])).setCleanDataDirectory(false).start();
        try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS crash; CREATE TABLE IF NOT EXISTS crash.marker (note text)");
            statement.execute("INSERT INTO crash.marker VALUES ('written before the crash')");
        }
        Runtime.getRuntime().halt(0);
    }
}
