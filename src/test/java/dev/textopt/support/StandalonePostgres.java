package dev.textopt.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL 18 of its own, for process-level checks that run several textopt instances on one
 * database (scripts/reliability/ha_failover.py), where no instance may own the database it is killed with:
 *
 * <pre>java -cp target/test-classes:&lt;classpath&gt; dev.textopt.support.StandalonePostgres PORT DATA_DIR</pre>
 *
 * Prints {@code ready} once PostgreSQL accepts connections (user postgres, no password, database
 * postgres) and runs until stopped; SIGTERM stops PostgreSQL and deletes its data.
 */
public final class StandalonePostgres {

    private StandalonePostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: StandalonePostgres PORT DATA_DIR");
            System.exit(2);
        }
        Path dataDir = Files.createDirectories(Path.of(args[1]));
        // Zonky's shutdown hook stops PostgreSQL when this JVM gets SIGTERM.
        EmbeddedPostgres.builder().setPort(Integer.parseInt(args[0])).setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(true).start();
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
